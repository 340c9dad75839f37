/**
 * Measures the 100,000-member census through import and schedule-method costing (time, heap, peak
 * RSS). Run: npx tsx test/robustness/measure-large-census.ts [members]. Prints JSON; numbers for
 * docs/files-and-recovery.md ("Large inputs"), not assertions (timings vary by machine).
 */
import { computeTable } from "../../model/engine/compute";
import { fisAsPublished } from "../../model/built-ins";
import type { Scenario } from "../../model/engine/scenario/types";
import { parseCensusCsv } from "../../model/engine/schedule/census";
import { syntheticCensus } from "../../model/engine/schedule/synthetic";
import { onePersonPerRowCsv } from "./large-census";

const members = Number.parseInt(process.argv[2] ?? "100000", 10);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const heapBefore = process.memoryUsage().heapUsed;
const csv = onePersonPerRowCsv(syntheticCensus(members, 7));
let t = performance.now();
const parsed = parseCensusCsv(csv, "hr-export.csv");
const parseMs = performance.now() - t;
if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
const bySchedule: Scenario = { ...fisAsPublished(), settings: { ...fisAsPublished().settings, salaryMethod: "schedule" } };
t = performance.now();
const table = computeTable(bySchedule, { scheduleMethod: { census: parsed.value } });
const costMs = performance.now() - t;
console.log(
  JSON.stringify({
    members,
    csvMB: mb(csv.length),
    mergedCells: parsed.value.cells.length,
    parseMs: Math.round(parseMs),
    scheduleCostMs: Math.round(costMs),
    heapGrowthMB: mb(process.memoryUsage().heapUsed - heapBefore),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    baseSalaryIncreasesTotal: table.lines.find((l) => l.id === "baseSalaryIncreases")!.cells.Total!.exact.toFixed(2),
  }),
);
