/**
 * The scenario file (schema version 2) apart from its items: the agreement, its calendar, the
 * settings, employee groups, funds, the table and the schedule method. The items' schemas come
 * from the kind registry (schema.ts joins the two); everything here is strict at every depth.
 */
import { z } from "zod";
import { PAY_FREQUENCIES, type PayCalendar } from "../calendar";
import { uncertaintySchema } from "../risk/distributions";
import { scheduleMethodSchema } from "../schedule/method";
import { tableSchema } from "../table/schema";
import { groupSchema } from "./groups";
import { dateSchema, idSchema, labelSchema, sourceSchema, strict } from "./zod-kit";
import type { ItemBase } from "../kinds/kind";

export const CURRENT_SCHEMA_VERSION = 2;

const textLine = z.string().min(1).max(300);

/**
 * What a generated fiscal impact statement needs that the costing does not: who it is addressed to
 * and from, its date, how its text names the measure and the employer, and which table lines hold
 * the funding. Every field is optional; the document says less without it, never something invented.
 */
export const documentSchema = strict(
  {
    title: textLine.optional().describe('The document\'s title; default "Fiscal Impact Statement".'),
    letterhead: z.array(textLine).max(6).optional().describe("Lines printed at the top of the first page (the issuing office)."),
    to: z.array(textLine).max(6).optional().describe("The addressee, one line each (name, then title)."),
    from: z.array(textLine).max(6).optional().describe("The author, one line each (name, then title)."),
    date: dateSchema.optional().describe("The statement's date (YYYY-MM-DD); default the day the document is generated."),
    subject: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe('The subject line; default "Fiscal Impact Statement – " and the agreement\'s name.'),
    reference: z.string().min(1).max(1000).optional().describe("The measure or draft the statement refers to."),
    measure: textLine.optional().describe('How the text names the measure, e.g. "the resolution", "the bill"; default "the agreement".'),
    agency: strict({
      name: textLine.describe('The employer as the text names it, e.g. "the Department of Corrections".'),
      short: z.string().min(1).max(60).optional().describe('A short name used after the first mention, e.g. "DOC".'),
    })
      .optional()
      .describe("How the text names the employer; default the agreement's employer."),
    costLine: idSchema.optional().describe("The table line whose cost the Conclusion states; default the table's total line."),
    funding: strict({
      available: idSchema.optional().describe("The line of funding already in the budget (entered amounts, shown negative)."),
      additional: idSchema.optional().describe("The line of cost that the available funding does not cover."),
      source: textLine
        .optional()
        .describe("Where the additional funding is available from; without it, needing additional funding means funds are not sufficient."),
      plan: textLine
        .optional()
        .describe('What the text calls the budget the funds are in, e.g. "budget and financial plan"; default "budget".'),
    })
      .optional()
      .describe("The lines that say how the cost is funded; without them the document states the cost only."),
    tableTitle: z.string().min(1).max(500).optional().describe("The cost table's title; default \"Cost of\" and the agreement's name."),
  },
  "The fiscal impact statement's addressee, author, date and wording.",
);

export const agreementSchema = strict(
  {
    name: z.string().max(500),
    employer: z.string().max(500),
    union: z.string().max(500),
    effectiveFrom: dateSchema.describe("First day the agreement is in force (YYYY-MM-DD)."),
    effectiveTo: dateSchema.describe("Last day the agreement is in force (YYYY-MM-DD)."),
    source: strict({
      title: z.string().min(1).max(500),
      url: z.string().max(2000).optional(),
      date: dateSchema.optional(),
    })
      .optional()
      .describe("The document the scenario is taken from."),
    document: documentSchema.optional().describe("How the fiscal impact statement generated from the scenario is addressed and worded."),
    retroPay: strict(
      {
        implementationLagDays: z
          .number()
          .int()
          .min(0)
          .max(3650)
          .describe('Days after approval within which the raises are implemented (e.g. 120 for "within 120 days of approval").'),
        source: sourceSchema.optional().describe("The article that says so."),
      },
      "How raises approved after they take effect are paid: implemented within so many days of approval, the periods before paid as a lump sum (the retroactive pay analysis).",
    ).optional(),
  },
  "The agreement being costed.",
);

export const calendarSchema = strict(
  {
    fiscalYearStartMonth: z
      .number()
      .int()
      .min(1)
      .max(12)
      .describe("Month the fiscal year starts: 10 = October 1, 7 = July 1, 1 = January 1."),
    payFrequency: z
      .enum(PAY_FREQUENCIES as unknown as ["weekly", "biweekly", "semimonthly", "monthly"])
      .describe("How often members are paid."),
    payPeriodAnchor: dateSchema.describe("The first day of some pay period (e.g. the first of the first costed fiscal year)."),
  },
  "The agreement's fiscal year and pay calendar.",
);

export const settingsSchema = strict(
  {
    proration: z
      .enum(["payPeriods", "days", "months", "monthsCountingFirst"])
      .describe(
        "How a raise effective after its fiscal year's first day is prorated: by the pay periods, days or months of the year from its date on " +
          "(months: those starting on or after the date; monthsCountingFirst: the month of the date as well).",
      ),
    calendarToFiscal: z
      .enum(["monthsInForce", "calendarYearOfFiscalYearEnd"])
      .describe(
        "How calendar-year benefit amounts become fiscal-year costs: each month at its own year's amount, or the whole year at the amount of the year it ends in.",
      ),
    salaryMethod: z
      .enum(["averageSalary", "schedule"])
      .describe("averageSalary: payroll x raises; schedule: the census priced on the salary schedules."),
  },
  "Costing rules.",
);

export const fundSchema = strict(
  { id: idSchema, label: labelSchema },
  "A fund that pays part of the costs (general fund, special funds, federal).",
);

export const baseShape = {
  $schema: z.string().max(2000).optional().describe("Path or URL of the JSON Schema, for editors."),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: idSchema,
  name: labelSchema,
  description: z.string().max(10_000),
  agreement: agreementSchema,
  calendar: calendarSchema,
  settings: settingsSchema,
  groups: z.array(groupSchema).max(100).describe("The employee groups; none when every cost is entered directly (amounts per year)."),
  funds: z.array(fundSchema).max(50).optional(),
  table: tableSchema,
  scheduleMethod: scheduleMethodSchema.optional(),
  uncertainty: uncertaintySchema.optional(),
};

export type ScenarioBase = z.infer<ReturnType<typeof z.object<typeof baseShape>>> & { items: ItemBase[] };
export type Agreement = z.infer<typeof agreementSchema>;
export type DocumentSettings = z.infer<typeof documentSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Fund = z.infer<typeof fundSchema>;

export const calendarOf = (s: Pick<ScenarioBase, "calendar">): PayCalendar => s.calendar;
