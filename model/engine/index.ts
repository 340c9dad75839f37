/** The engine's public surface: the renderer, the CLI, the workbook adapters and the built-in scenarios import from here. */
export { Decimal, parseDecimal, sum, ZERO, ONE } from "./decimal";
export type { Explanation, Source, SourceKind } from "./explain";
export { formatExplanation, leaf } from "./explain";
export {
  breakdownOf,
  notesOf,
  partLabel,
  partLabels,
  partsTotal,
  type Breakdown,
  type BreakdownNote,
  type BreakdownPart,
} from "./explain-breakdown";
export type { InputError, Checked } from "./errors";
export { formatInputError, InputRejectedError } from "./errors";
export {
  isIsoDate,
  fiscalYearStart,
  fiscalYearEndExclusive,
  fiscalYearOfDate,
  fractionOfFiscalYear,
  shareOfFiscalYearAfter,
  anniversaryInFiscalYear,
  payPeriodStartsOfFiscalYear,
  prorationUnit,
  periodBuckets,
  PERIODS_PER_YEAR,
  PAY_FREQUENCIES,
  dayOrdinal,
  isoFromDayOrdinal,
  type PayCalendar,
  type PayFrequency,
  type ProrationMethod,
} from "./calendar";
export { UNITS, rangeText, valueProblem, formulaProblem, param, VALUE_LIMITS, type FieldSpec, type Unit, type Param } from "./fields";
export { evaluateFormula, isFormula, FORMULA_LIMITS, type FormulaResult } from "./formula-input";
export { describeUnit, parseInputNumber, unitName, type ParsedNumber } from "./input-number";
export { strict, suggestKey } from "./scenario/zod-kit";
export { paramLeaf, dec } from "./scenario/groups";
export { toDisplay, formatDisplayed, roundingRuleText, unitsWords, unitsHeading, unitFactor, type RoundingMode } from "./table/display";
export {
  computeTable,
  findCell,
  totalLineId,
  totalByColumn,
  shareLineId,
  TOTAL_COLUMN,
  ANNUALIZED_COLUMN,
  type Cell,
  type LineResult,
  type ItemResult,
  type TableResult,
  type ComputeOptions,
} from "./compute";
export { encodeTableResult, decodeTableResult, decodeTableResultInSteps, transferablesOf, type TableResultData } from "./result-transfer";
export * from "./scenario/types";
export { lineKind, totalLabel, DERIVED_KEYS, LINE_FIELDS, type LineKind } from "./table/schema";
export { isPrinted, printedLines } from "./table/printed";
export { fundTerms, type FundTerm } from "./table/fund-terms";
export { helperLineNamedByDocument, unusedHelperLines } from "./scenario/checks";
export { GROUP_FIELDS, groupPayroll, groupMembers, payrollOf, membersOf, hasMembers, statedPayroll } from "./scenario/groups";
export {
  listInputs,
  getInput,
  getInputEntry,
  setInputValue,
  GROUP_SECTION,
  TABLE_SECTION,
  FUNDS_SECTION,
  SCHEDULE_SECTION,
  type InputEntry,
  type InputSection,
} from "./scenario/paths";
export {
  listSettings,
  setSettingValue,
  settingRowPath,
  isSettingPath,
  monthDayProblem,
  entryLanes,
  topEntryStep,
  SETTING_PATHS,
  ENTRY_YEARS,
  type SettingEntry,
  type SettingKind,
  type SettingResult,
} from "./scenario/settings";
export {
  validateScenario,
  parseScenarioJson,
  serializeScenario,
  checkScenario,
  duplicateKeyErrors,
  scenarioSchema,
  scenarioSchemaFor,
  fieldPath,
  SCENARIO_LIMITS,
  CURRENT_SCHEMA_VERSION,
} from "./scenario/schema";
export { migrateScenario, LATEST_VERSION, OLDEST_SUPPORTED_VERSION } from "./scenario/migrations";
export { scenarioJsonSchema, scenarioJsonSchemaText } from "./scenario/json-schema";
export { scenarioFromTemplate, templateOptionsProblem, type TemplateOptions } from "./scenario/from-template";
export { inputsToFill, parseDraftJson, toFillText, validateDraft, type CheckedDraft, type InputToFill } from "./scenario/drafts";
export { unitsAndRangesMarkdown } from "./kinds/field-table";
export { KINDS, DEFAULT_REGISTRY, kindIndex, type Registry } from "./kinds/registry";
export {
  defineKind,
  type KindModule,
  type AnyKind,
  type ItemBase,
  type ItemCell,
  type ItemField,
  type CostContext,
  type FormulaContext,
  type ItemFormula,
  type CalendarCount,
  type Provision,
} from "./kinds/kind";
export {
  itemBaseShape,
  afterAgreement,
  coveredGroups,
  usdCell,
  combine,
  itemLabel,
  field,
  fundShareFields,
  membersFormula,
  payrollFormula,
  partFormula,
  partForGroups,
  sumOf,
} from "./kinds/common";
export { itemFormula, formulaContextFor } from "./kinds/formulas";
export { describeItems, provisionOf } from "./kinds/describe";
export { dateWords, dollarsText, groupedNumber, listWords, percentText, percentWords } from "./words";
export * from "./schedule";
export { prng } from "./schedule/synthetic";
export { raiseTerms, chooseBasis, scheduleCostSettings, printedAdjustments, STEP_SUFFIX, TURNOVER_SUFFIX } from "./kinds/raises-schedule";
export {
  salaryBases,
  sortedSteps,
  stepKey,
  stepPath,
  levelAfter,
  applyStep,
  isClamped,
  isPerSalary,
  type SalaryBase,
} from "./kinds/raises";
export { payRateInForce } from "./kinds/pay-rate";
export {
  addCostLine,
  removeCostLine,
  lineDependents,
  idFromLabel,
  COST_LINE_KINDS,
  type NewCostItem,
  type NewCostLine,
  type CostLineChange,
  type LineDependent,
} from "./scenario/cost-lines";
export { withScheduleMethod, censusOfScenario } from "./schedule/with-method";
export * from "./analysis";
export * from "./fast";
export * from "./risk";
export { workEstimate, workProblem, WORK_LIMIT, APP_WORKER_WORK, type WorkEstimate } from "./scenario/work";
export { beyondHeaderMessage, firstBeyondHeader, lastHeaderColumn, type HeaderRowCell } from "./beyond-header";
