import type { CaseResult } from "../results";
import type { BenchContext } from "./context";
export async function browserCases(_ctx: BenchContext): Promise<CaseResult[]> {
  return [];
}
