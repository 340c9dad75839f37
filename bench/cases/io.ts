import type { CaseResult } from "../results";
import type { BenchContext } from "./context";
export async function ioCases(_ctx: BenchContext): Promise<CaseResult[]> {
  return [];
}
