/** The analyst's questions over a scenario: goal seek, cost of 1%, sensitivity, retroactive pay, whether it reproduces its published note. */
export {
  checkConstraint,
  describeConstraint,
  parseLimit,
  satisfies,
  type BudgetConstraint,
  type BudgetLimit,
  type ColumnCheck,
  type ConstraintScope,
} from "./budget-constraint";
export { goalSeekRaise, type GoalSeekIteration, type GoalSeekRequest, type GoalSeekResult, type GoalSeekTrace } from "./goal-seek";
export { costOfOnePercent, type CostOfOnePercent, type MarginalCostLine } from "./cost-of-one-percent";
export {
  DEFAULT_RAISE_GRID,
  raiseGrid,
  tornado,
  twoWayTable,
  type Tornado,
  type TornadoBar,
  type TwoWayRequest,
  type TwoWayTable,
} from "./sensitivity";
export { retroPay, type RetroOutcome, type RetroRequest, type RetroResult, type RetroYear } from "./retro";
export { percentRaiseOf, percentRaiseYears, withExtraRaise, withPercentRaise, type RaiseYear } from "./raise-edits";
export { fundSplit, type FundPortion } from "./fund-split";
export { diffScenarios, valueText, type ScenarioDifference } from "./diff";
export { amountsLine } from "./budget-constraint";
export {
  attribute,
  interactionShares,
  Exact,
  type Attribution,
  type AttributionRow,
  type CellValues,
  type Difference,
} from "./attribution";
export { attributeScenarios, type ScenarioAttribution, type CompareOptions } from "./compare";
export { sweep, type SweepRequest, type SweepResult } from "./sweep";
export { FastCells, type AnalysisPath, type CellRef as AnalysisCellRef } from "./fast-cells";
export { percentRaisePaths } from "./raise-edits";
export { withTotalColumn } from "./all-years";
export { constraintLimits } from "./budget-constraint";
export {
  checkPublishedFigures,
  publishedVariance,
  type PublishedCellCheck,
  type PublishedCellStatus,
  type PublishedCheck,
} from "./published-check";
