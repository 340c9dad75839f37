/** A 100,000-member census as an HR export would give it: one CSV row per member. Shared by the test and the measurement script. */
import { syntheticCensus } from "../../model/engine/schedule/synthetic";
import type { Census } from "../../model/engine/schedule/types";

export const LARGE_CENSUS_MEMBERS = 100_000;

export function largeCensus(): Census {
  return syntheticCensus(LARGE_CENSUS_MEMBERS, 7);
}

export function onePersonPerRowCsv(census: Census): string {
  const rows = ["employee,schedule,lane,step,years of service,headcount"];
  let n = 0;
  for (const cell of census.cells) {
    const count = cell.headcount.toNumber(); // a whole headcount, not money
    for (let i = 0; i < count; i++)
      rows.push(`E${String(++n).padStart(6, "0")},${cell.schedule},"${cell.lane}",${cell.step},${cell.yearsOfService ?? ""},1`);
  }
  return rows.join("\r\n") + "\r\n";
}
