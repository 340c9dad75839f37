/**
 * The two built-in scenarios for the 2023-2028 DCPS / Washington Teachers' Union agreement:
 *
 * - "FIS as published": the DC CFO's Fiscal Impact Statement of Dec 3, 2024 reproduced cell for
 *   cell (45/45). Six inputs are calibrated; each carries the stated figure and the reason.
 * - "Contract terms as stated": every input exactly as the FIS text and the contract state it,
 *   costed by the contract's own timing. It differs from the published table in 16 cells, and
 *   the --compare view explains each difference by the calibration behind it.
 *
 * Sources: FIS = Fiscal Impact Statement (shared/source/004_*.txt lines ~150-330);
 * Art. = the agreement's articles (Art. 36 compensation, Art. 37 benefits, Art. 23.17 coverage).
 */
import type { Source } from "../explain";
import type { CostItem, Param, Scenario, Unit } from "./types";

const src = (kind: Source["kind"], ref: string, note?: string): Source => (note ? { kind, ref, note } : { kind, ref });
const p = (value: string, unit: Unit, label: string, source: Source, stated?: string): Param =>
  stated === undefined ? { value, unit, label, source } : { value, unit, label, source, stated };

const FIS = (page: string, note?: string) => src("fis", `FIS ${page}`, note);
const ART = (article: string, note?: string) => src("contract", `Art. ${article}`, note);
const CAL = (note: string) => src("calibrated", "calibrated", note);

const LINES = [
  {
    id: "baseSalaryIncreases",
    label: "Base Salary Increases",
    note: "(a)-(d) Salaries increased by 2, 3, 3 and 4 percent, effective October 1 (FY2025 retroactive to 10/1/2024).",
  },
  {
    id: "bonus",
    label: "4 Percent Bonus in FY 2024",
    note: "(a) 4 percent bonus pay due for FY 2024 for all active members during that year.",
  },
  { id: "additionalPay", label: "Additional Pay", note: "(e) Includes new administrative premium pay category, retroactive to FY 2024." },
  {
    id: "benefits",
    label: "Benefits",
    note: "(f) Increases in optical, dental, and legal benefits as well as a 1.45 percent Medicare tax on the base pay increases and FY 2024 bonus.",
  },
  { id: "otherNps", label: "Other NPS (AEDs and ice machines)" },
];

function raisesItem(): CostItem {
  const step = (fy: number, rate: string, percent: string) => ({
    fiscalYear: fy,
    type: "percent" as const,
    amount: p(rate, "rate", `FY${fy} base salary increase`, ART("36.2.1", `FY${fy} ${percent}; FIS p.2`)),
    effective: `${fy - 1}-10-01`,
    source: ART("36.1", "across-the-board increases effective October 1 of each year"),
  });
  return {
    kind: "raises",
    id: "baseSalary",
    label: "Base salary increases",
    line: "baseSalaryIncreases",
    steps: [step(2025, "0.02", "2%"), step(2026, "0.03", "3%"), step(2027, "0.03", "3%"), step(2028, "0.04", "4%")],
  };
}

function benefitItems(calibrated: boolean): CostItem[] {
  const monthly = (id: string, label: string, article: string, amounts: [number, string][], headcount?: Param): CostItem => ({
    kind: "perHeadBenefit",
    id,
    label,
    line: "benefits",
    frequency: "monthly",
    basis: "calendarYear",
    baselineYear: 2024,
    amounts: amounts.map(([year, amount]) => ({
      year,
      amount: p(amount, "USD/month", `${label} CY${year} per member per month`, ART(article, `CY${year}`)),
    })),
    ...(headcount ? { headcount } : {}),
    ...(calibrated
      ? {
          countFrom: {
            date: "2025-01-01",
            source: CAL(
              "FY2025 benefit increases counted from 1 Jan 2025 (9 months): the CFO did not cost Oct-Dec 2024 at the CY2025 rate; needed for the published $506K",
            ),
          },
        }
      : {}),
  });
  const items: CostItem[] = [
    monthly("optical", "Optical", "37.2.1", [
      [2024, "21.62"],
      [2025, "22.27"],
      [2026, "22.94"],
      [2027, "23.62"],
      [2028, "24.33"],
    ]),
    monthly("dentalSelf", "Dental (self)", "37.3.1", [
      [2024, "45.87"],
      [2025, "48.39"],
      [2026, "51.05"],
      [2027, "53.86"],
      [2028, "56.82"],
    ]),
    monthly(
      "dentalFamily",
      "Dental (family)",
      "37.3.1",
      [
        [2024, "87.57"],
        [2025, "92.39"],
        [2026, "97.47"],
        [2027, "102.83"],
        [2028, "108.48"],
      ],
      p(
        "0",
        "members",
        "Members enrolled at the family dental rate",
        src(
          "assumed",
          "assumed",
          "no family enrollment is published; the CFO costed every member at the self rate (FIS note f), so family enrollment is 0 and the self line covers all members",
        ),
      ),
    ),
    {
      kind: "perHeadBenefit",
      id: "legal",
      label: "Legal",
      line: "benefits",
      frequency: "biweekly",
      basis: "fiscalYear",
      baselineYear: 2024,
      amounts: (
        [
          [2024, "18.25"],
          [2025, "19.75"],
          [2026, "20.75"],
          [2027, "21.75"],
          [2028, "22.75"],
        ] as const
      ).map(([year, amount]) => ({
        year,
        amount: p(amount, "USD/biweekly", `Legal FY${year} per member per pay period`, ART("37.4.1", `FY${year}`)),
      })),
      ...(calibrated
        ? {
            countFrom: {
              date: "2025-01-01",
              source: CAL(
                "FY2025 legal increase counted for the 19 biweekly periods of FY2025 that begin in 2025, not the 26 the contract makes retroactive to 10/1/2024 (Art. 37.4.1 **); needed for the published $506K",
              ),
            },
          }
        : {}),
    },
    {
      kind: "payRate",
      id: "medicare",
      label: "Medicare (employer)",
      line: "benefits",
      rate: p("0.0145", "rate", "Medicare tax rate (employer)", FIS("note (f)", "1.45 percent Medicare tax; 26 U.S.C. 3111(b)")),
      appliesTo: calibrated ? ["baseSalary"] : ["baseSalary", "bonus"],
    },
  ];
  return items;
}

function premiumItem(calibrated: boolean): CostItem {
  return {
    kind: "premiumPay",
    id: "coveragePremium",
    label: "Class-coverage administrative premium",
    line: "additionalPay",
    units: p(
      "17930",
      "count",
      "Coverage requests a year covered by ESL, Special Education and Co-Teachers",
      FIS("p.3", "20 percent of substitute requests, about 17,930"),
    ),
    hoursPerUnit: p(
      "7",
      "hours",
      "Premium hours per coverage request",
      FIS(
        "p.3",
        "about $420 a request at $60/h = 7 h: 3 h coverage (Art. 23.17.6.1) + 3 h impacted teacher (23.17.6.2) + up to 90 min planning (23.17.6.3)",
      ),
    ),
    hourlyRate: p("60", "USD/hour", "Administrative premium hourly rate", ART("36.8.2", "$60/hr from the 2022-2023 school year")),
    loadingItemIds: ["medicare"],
    ...(calibrated
      ? {
          annualAmount: p(
            "7640000",
            "USD/year",
            "Annual coverage premium incl. Medicare",
            CAL(
              "17,930 x $420 x 1.0145 = $7,639,793.70, but FIS p.3 rounds it to $7.6M and the table's FY2025 $15,280K = 2 x $7,640K; growing $7,640K reproduces FY2027 $7,949K and FY2028 $8,108K",
            ),
            "7639793.70",
          ),
        }
      : {}),
    growthRate: p(
      "0.02",
      "rate",
      "Annual growth of coverage premium after the first year",
      FIS("table (e)", "FY2026 $7,793K / $7,640K = 1.02; the FIS text gives no rate"),
    ),
    firstFiscalYear: 2025,
    yearsPaidInFirstYear: p(
      "2",
      "count",
      "Years of premium paid in FY2025 (FY2025 + FY2024 retro)",
      FIS("p.3", "$7.6 million in FY2025 and $7.6 million in FY2024 retroactive premium pay"),
    ),
  };
}

function fundingAvailable(calibrated: boolean): Scenario["fundingAvailable"] {
  const published: [number, string, string][] = [
    [2025, "21437000", "21437200"],
    [2026, "15519000", "15519200"],
    [2027, "17498000", "17498200"],
    [2028, "21304000", "21304400"],
  ];
  const out: Scenario["fundingAvailable"] = {};
  for (const [fy, stated, cal] of published) {
    out[`FY${fy}`] = calibrated
      ? p(
          cal,
          "USD",
          `Funding available in the financial plan FY${fy}`,
          CAL(
            `the table prints $${stated.slice(0, 2)},${stated.slice(2, 5)}K rounded; the four-year total ($75,759K) and the WIA line ($30,365K, ...) are reproduced only with these unrounded amounts`,
          ),
          stated,
        )
      : p(stated, "USD", `Funding available in the financial plan FY${fy}`, FIS("table (h)", "printed in $ thousands"));
  }
  return out;
}

function build(calibrated: boolean): Scenario {
  const items: CostItem[] = [
    raisesItem(),
    {
      kind: "oneTime",
      id: "bonus",
      label: "4% bonus on FY2024 earnings",
      line: "bonus",
      paidInFiscalYear: 2025,
      rate: p("0.04", "rate", "FY2024 retention bonus rate", ART("36.2.3", "4.0% bonus paid retroactively for 2023-2024; FIS p.2")),
      ...(calibrated
        ? {
            earnings: p(
              "596350000",
              "USD",
              "FY2024 earnings of members active in FY2024",
              CAL(
                "FIS states the bonus ($23.9M, table $23,854K) but not its base; $23,854K / 4% = $596.35M, FY2024 actual earnings rather than the FY2025 payroll / 1.02 ($596.13M)",
              ),
              "derived: payroll / 1.02",
            ),
          }
        : { earningsFromRaisesItem: "baseSalary" }),
    },
    premiumItem(calibrated),
    ...benefitItems(calibrated),
    {
      kind: "fixedAmounts",
      id: "otherNps",
      label: "AEDs and ice machines",
      line: "otherNps",
      amounts: Object.fromEntries(
        (
          [
            [2025, "336000"],
            [2026, "34000"],
            [2027, "34000"],
            [2028, "34000"],
          ] as const
        ).map(([fy, v]) => [`FY${fy}`, p(v, "USD", `Other NPS FY${fy}`, FIS("table", "Other NPS (AEDs and ice machines), $ thousands"))]),
      ),
    },
  ];
  return {
    schemaVersion: 1,
    id: calibrated ? "fis-as-published" : "contract-as-stated",
    name: calibrated ? "FIS as published" : "Contract terms as stated",
    description: calibrated
      ? "The DC CFO's Fiscal Impact Statement (Dec 3, 2024) for the DCPS-WTU agreement, reproduced cell for cell; calibrated inputs are marked."
      : "The same agreement with every input exactly as the FIS text and the contract state it, costed on the contract's own timing.",
    agreement: {
      name: "DCPS - Washington Teachers' Union Working Conditions and Compensation Agreement 2023-2028",
      employer: "District of Columbia Public Schools",
      union: "Washington Teachers' Union, Local #6, AFT",
      fiscalYears: [2025, 2026, 2027, 2028],
      fiscalYearStartMonth: 10,
      firstPayPeriodStart: "2024-10-06",
      effectiveFrom: "2023-10-01",
      effectiveTo: "2028-09-30",
    },
    settings: {
      rounding: "halfUp",
      proration: "payPeriods",
      calendarToFiscal: calibrated ? "calendarYearOfFiscalYearEnd" : "monthsInForce",
      salaryMethod: "averageSalary",
    },
    groups: [
      {
        id: "wtu",
        label: "WTU bargaining unit",
        members: p(
          "5776",
          "members",
          "Active members",
          FIS("p.1", "approximately 5,776 active DCPS Teachers, Social Workers, Therapists, Coaches, and other school personnel"),
        ),
        averageSalary: calibrated
          ? p(
              "105271.50",
              "USD/year",
              "Average salary",
              CAL(
                "FIS p.1 states 'approximately $105,272', itself rounded; $105,271.50 reproduces all four base-salary cells and the $169,111K total",
              ),
              "105272",
            )
          : p("105272", "USD/year", "Average salary", FIS("p.1", "average salary of approximately $105,272")),
      },
    ],
    lines: LINES.map((l) => ({ ...l })),
    items,
    localShare: calibrated
      ? p(
          "0.993582",
          "share",
          "Local share of total cost",
          CAL("note (g) says 99.4 percent; 0.993582 reproduces the local-portion row in all five columns"),
          "0.994",
        )
      : p("0.994", "share", "Local share of total cost", FIS("note (g)", "99.4 percent of costs are paid with local funds")),
    fundingAvailable: fundingAvailable(calibrated),
  };
}

export const fisAsPublished = (): Scenario => build(true);
export const contractAsStated = (): Scenario => build(false);
export const builtInScenarios = (): Scenario[] => [fisAsPublished(), contractAsStated()];

/** The published table, $ thousands, for golden tests and the variance column. */
export const PUBLISHED_FIS_TABLE: Record<string, Record<string, number>> = {
  baseSalaryIncreases: { FY2025: 12161, FY2026: 30767, FY2027: 49932, FY2028: 76251, Total: 169111 },
  bonus: { FY2025: 23854, FY2026: 0, FY2027: 0, FY2028: 0, Total: 23854 },
  additionalPay: { FY2025: 15280, FY2026: 7793, FY2027: 7949, FY2028: 8108, Total: 39129 },
  benefits: { FY2025: 506, FY2026: 1272, FY2027: 1942, FY2028: 2728, Total: 6448 },
  otherNps: { FY2025: 336, FY2026: 34, FY2027: 34, FY2028: 34, Total: 438 },
  totalCost: { FY2025: 52137, FY2026: 39866, FY2027: 59856, FY2028: 87121, Total: 238980 },
  localPortion: { FY2025: 51802, FY2026: 39610, FY2027: 59472, FY2028: 86562, Total: 237446 },
  fundingAvailable: { FY2025: -21437, FY2026: -15519, FY2027: -17498, FY2028: -21304, Total: -75759 },
  costFundedByWia: { FY2025: 30365, FY2026: 24091, FY2027: 41974, FY2028: 65257, Total: 161687 },
};
