/** The fast evaluation path: a scenario compiled once into a float64 plan, held equal to the exact engine (docs/ranges-and-fast-path.md). */
export { Plan, Evaluator, type PlanOptions, type TrackedCells, type DisplayedCells } from "./plan";
export { roundedUnits, type RoundingRule } from "./rounding";
export { NoFastPathError, type FastKind, type CompileContext, type FastPart } from "./context";
export type { PlanLine } from "./compile";
