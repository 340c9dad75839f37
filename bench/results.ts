/** The shape of bench/results.json and of one benchmark case's outcome. */
import type { Stats } from "./measure";

export interface Target {
  /** Human wording, e.g. "< 1 ms". */
  text: string;
  limitMs: number;
  pass: boolean;
}

export type CaseStatus = "ok" | "not available" | "error";

export interface CaseResult {
  id: string;
  group: string;
  label: string;
  status: CaseStatus;
  /** Why a case is not available or failed. */
  reason?: string;
  stats?: Stats;
  target?: Target;
  /** What was measured and what bounds it, in a sentence or two. */
  note?: string;
  /** Case-specific figures (cell counts, file sizes, values checked). */
  details?: Record<string, unknown>;
}

export interface Comparison {
  label: string;
  ours: { caseId: string; medianMs: number };
  theirs: { caseId: string; medianMs: number; engine: string };
  /** ours (the engine) / theirs (the spreadsheet): below 1 means the engine is faster. */
  ratio: number;
  note: string;
}

export interface BenchResults {
  generatedAt: string;
  command: string;
  durationSeconds: number;
  machine: Record<string, unknown>;
  cases: CaseResult[];
  comparisons: Comparison[];
}

/** Met when the median is at most `limitMs`. */
export function withTarget(stats: Stats, text: string, limitMs: number): Target {
  return { text, limitMs, pass: stats.medianMs <= limitMs };
}

export function notAvailable(id: string, group: string, label: string, reason: string): CaseResult {
  return { id, group, label, status: "not available", reason };
}

export function failed(id: string, group: string, label: string, error: unknown): CaseResult {
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  return { id, group, label, status: "error", reason: message };
}
