/**
 * The table a fiscal note prints belongs to the scenario: its lines (cost lines fed by items, and
 * derived lines: sums, shares, entered amounts, fund parts, year-over-year changes), its columns
 * and how it is displayed and rounded. Nothing here knows any one government's layout.
 */
import { z } from "zod";
import { DOLLARS, param, SHARE, type FieldSpec } from "../fields";
import { fyKeySchema, idSchema, labelSchema, strict, yearSchema } from "../scenario/zod-kit";

export const LINE_FIELDS = {
  shareRate: SHARE("Share rate", "The share of the line it applies to, e.g. the local share of the total cost."),
  amount: { ...DOLLARS("Amount", "An amount entered for the fiscal year, in dollars (funding available, an offset)."), min: undefined },
} satisfies Record<string, FieldSpec>;

const lineBase = {
  id: idSchema,
  label: labelSchema,
  note: z.string().max(2000).optional().describe('The note printed with the line, e.g. "(g) Share of costs paid with local funds."'),
  style: z.enum(["total", "subtotal"]).optional().describe("Only changes how the line is drawn."),
};

export const DERIVED_KEYS = ["sum", "share", "amounts", "fund", "change"] as const;
export type LineKind = "cost" | (typeof DERIVED_KEYS)[number];

export const lineSchema = strict(
  {
    ...lineBase,
    sum: z.array(idSchema).min(1).max(100).optional().describe("Lines added up (with `minus`, lines subtracted)."),
    minus: z.array(idSchema).max(100).optional().describe("Lines subtracted from the sum."),
    share: strict({ of: idSchema, rate: param(LINE_FIELDS.shareRate) })
      .optional()
      .describe("rate x another line."),
    amounts: z
      .record(z.union([fyKeySchema, z.literal("annualized")]), param(LINE_FIELDS.amount))
      .optional()
      .describe('Amounts entered by fiscal year ("FY2025": ...), optionally "annualized".'),
    negate: z
      .boolean()
      .optional()
      .describe(
        "Show the line negated: entered amounts as offsets (funding available), or a cost line's items as a negative impact (a cost to a fund's balance) or its savings as positive figures.",
      ),
    printedAsZero: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe(
        "Why the note prints this line as 0 although it has a cost (e.g. the note counts the cost only in its total row). Its cells show 0; its cost stays in every sum, fund line and explanation.",
      ),
    printed: z
      .literal(false)
      .optional()
      .describe(
        "false: a helper line, computed and feeding the lines that name it (its value in their explanations), never printed as a row. Printed when absent.",
      ),
    fund: strict({ fund: idSchema, of: z.array(idSchema).min(1).max(100) })
      .optional()
      .describe("The part of those lines paid by one fund, from the groups' or items' fund shares."),
    change: strict({ of: idSchema }).optional().describe("The year's addition over the prior year of another line."),
  },
  "A table line: a cost line (no formula; fed by the items naming it) or a derived line with exactly one of sum, share, amounts, fund, change.",
);
export type TableLine = z.infer<typeof lineSchema>;

export function lineKind(line: TableLine): LineKind {
  if (line.sum) return "sum";
  if (line.share) return "share";
  if (line.amounts) return "amounts";
  if (line.fund) return "fund";
  if (line.change) return "change";
  return "cost";
}

export const displaySchema = strict(
  {
    unit: z.enum(["dollars", "thousands", "millions"]).describe("The unit cells are shown in."),
    decimals: z.number().int().min(0).max(6).describe("Decimal places shown (0 by default)."),
    rounding: z
      .enum(["halfUp", "truncate", "halfEven", "up"])
      .describe(
        "halfUp: half away from zero; truncate: toward zero; halfEven: to the even digit; up: away from zero (a ceiling on costs).",
      ),
    roundTo: z
      .number()
      .positive()
      .max(1e12)
      .optional()
      .describe(
        "Round to a multiple of this step, in the display unit, while printing in that unit: 1000 with unit dollars prints 8,963,916 as 8,964,000.",
      ),
    totals: z
      .enum(["roundedExact", "sumOfRounded"])
      .describe("roundedExact: every cell rounded on its own from unrounded values; sumOfRounded: totals are sums of the rounded cells."),
  },
  "How cells are displayed and rounded.",
);
export type Display = z.infer<typeof displaySchema>;

export const columnsSchema = strict(
  {
    fiscalYears: z.array(yearSchema).min(1).max(30).describe("The fiscal years shown, consecutive and ascending."),
    total: z
      .union([
        z.literal(false),
        strict({
          label: z.string().min(1).max(40).optional(),
          through: yearSchema
            .optional()
            .describe("The last fiscal year the total adds up (a biennial total beside five years); all the years when absent."),
          roundTo: z
            .number()
            .positive()
            .max(1e12)
            .optional()
            .describe(
              "Round the total column to a multiple of this step in the display unit (a five-year figure printed to the nearest million).",
            ),
        }),
      ])
      .optional()
      .describe('The total column; its label defaults to "N-Yr Total" (N = the years it adds up). false hides it.'),
    annualized: z
      .union([z.boolean(), strict({ label: z.string().min(1).max(40).optional() })])
      .optional()
      .describe("An annualized column: the cost of the final state for one full year."),
  },
  "The table's columns.",
);
export type Columns = z.infer<typeof columnsSchema>;

export const publishedSchema = strict(
  {
    source: z.string().min(1).max(500).describe('Where the figures are printed, e.g. "FIS table pp.3-4, Dec 3, 2024".'),
    unit: z.enum(["dollars", "thousands", "millions"]).describe("The unit the figures are printed in (the table's display unit)."),
    values: z
      .record(idSchema, z.record(z.string().max(20), z.number()))
      .describe('Line id -> column ("FY2025", "Total", "Annualized") -> the printed figure.'),
    expectedDisagreements: z
      .array(
        strict(
          {
            cell: z.string().min(3).max(90).describe('The cell, "lineId.column" (e.g. "total.FY2006").'),
            published: z.number().describe("The figure the note prints (the same as in values)."),
            fromStatedInputs: z.number().describe("The figure the note's stated inputs give, as this table displays it."),
            reason: z.string().min(1).max(2000).describe("Why the two differ, as far as the note shows."),
          },
          "A printed figure the note's own stated inputs do not give.",
        ),
      )
      .max(500)
      .optional()
      .describe("Printed figures that disagree with the note's stated inputs, each with both figures and the reason; never tuned away."),
    calibratedFrom: z
      .array(
        strict(
          {
            cell: z.string().min(3).max(90).describe('The printed cell an input was derived from, "lineId.column".'),
            input: z.string().min(1).max(200).describe("The input path of the calibrated value, e.g. groups.unit.payroll."),
          },
          "A printed figure used to calibrate an input: reproduced by construction, not an independent check.",
        ),
      )
      .max(100)
      .optional()
      .describe("Printed figures an input was calibrated from (reproduced by construction, so not independent checks)."),
  },
  "The figures a published note prints, for the Published and Variance columns and the golden tests.",
);
export type Published = z.infer<typeof publishedSchema>;

export const tableSchema = strict(
  {
    lines: z.array(lineSchema).min(1).max(200),
    columns: columnsSchema,
    display: displaySchema,
    published: publishedSchema.optional(),
  },
  "The table the note prints: lines in display order, columns, display.",
);
export type TableSpec = z.infer<typeof tableSchema>;

export const TOTAL_COLUMN = "Total";
export const ANNUALIZED_COLUMN = "Annualized";
export const fyKey = (fy: number): string => `FY${fy}`;

export function totalLabel(columns: Columns): string {
  const spec = columns.total === false ? undefined : columns.total;
  const through = spec?.through;
  const count = through === undefined ? columns.fiscalYears.length : columns.fiscalYears.filter((fy) => fy <= through).length;
  return spec?.label ?? `${count}-Yr Total`;
}

export function annualizedLabel(columns: Columns): string | undefined {
  if (!columns.annualized) return undefined;
  return columns.annualized === true ? "Annualized" : (columns.annualized.label ?? "Annualized");
}
