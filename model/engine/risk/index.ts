/** Ranges under uncertainty: distributions of uncertain inputs, the seeded generator, Monte Carlo. */
export {
  uncertaintySchema,
  distributionSchema,
  distributionErrors,
  samplerOf,
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  DRAW_DIGITS,
  type Distribution,
  type Uncertainty,
  type Sampler,
} from "./distributions";
export { distributionText, unitValueText } from "./words";
export { Xoshiro128 } from "./prng";
export { normalCdf, normalQuantile } from "./normal";
export {
  monteCarlo,
  drawInputs,
  uncertainInputs,
  rankIndex,
  MonteCarloCancelled,
  type MonteCarloOptions,
  type MonteCarloResult,
  type CellRange,
  type CellRef,
  type ExceedRequest,
  type ExceedResult,
  type Driver,
  type UncertainInput,
} from "./monte-carlo";
