/**
 * The scenario file (schema version 2) apart from its items: the agreement, its calendar, the
 * settings, employee groups, funds, the table and the schedule method. The items' schemas come
 * from the kind registry (schema.ts joins the two); everything here is strict at every depth.
 */
import { z } from "zod";
import { PAY_FREQUENCIES, type PayCalendar } from "../calendar";
import { scheduleMethodSchema } from "../schedule/method";
import { tableSchema } from "../table/schema";
import { groupSchema } from "./groups";
import { dateSchema, idSchema, labelSchema, strict } from "./zod-kit";
import type { ItemBase } from "../kinds/kind";

export const CURRENT_SCHEMA_VERSION = 2;

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
      .enum(["payPeriods", "days", "months"])
      .describe(
        "How a raise effective after its fiscal year's first day is prorated: by the pay periods, days or months of the year from its date on.",
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
};

export type ScenarioBase = z.infer<ReturnType<typeof z.object<typeof baseShape>>> & { items: ItemBase[] };
export type Agreement = z.infer<typeof agreementSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Fund = z.infer<typeof fundSchema>;

export const calendarOf = (s: Pick<ScenarioBase, "calendar">): PayCalendar => s.calendar;
