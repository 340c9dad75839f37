/** The engine's public surface: the renderer, the CLI and the Excel adapters import from here. */
export { Decimal, parseDecimal, sum } from "./decimal";
export type { Explanation, Source, SourceKind } from "./explain";
export { formatExplanation } from "./explain";
export type { InputError, Checked } from "./errors";
export { formatInputError } from "./errors";
export { ROUNDING_RULES, toDisplayThousands, formatThousands, type RoundingMode } from "./rounding";
export {
  computeTable,
  findCell,
  TOTAL_COLUMN,
  type Cell,
  type LineResult,
  type ItemResult,
  type TableResult,
  type ComputeOptions,
  type RaisesCoster,
} from "./compute";
export * from "./scenario/types";
export { fisAsPublished, contractAsStated, builtInScenarios, PUBLISHED_FIS_TABLE } from "./scenario/reference";
export { listInputs, getInput, setInputValue, type InputEntry, type InputSection } from "./scenario/paths";
export {
  validateScenario,
  parseScenarioJson,
  serializeScenario,
  checkScenario,
  checkCensus,
  duplicateKeyErrors,
  SCENARIO_LIMITS,
  CENSUS_CELL_LIMIT,
  CURRENT_SCHEMA_VERSION,
} from "./scenario/schema";
export { migrateScenario, LATEST_VERSION, OLDEST_SUPPORTED_VERSION } from "./scenario/migrations";
export * from "./analysis";
