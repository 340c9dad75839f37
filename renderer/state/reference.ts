/** Whether the published FIS table applies: the scenario costs the reference agreement over its years. */
import { PUBLISHED_FIS_TABLE, fisAsPublished } from "../../model/engine/scenario/reference";
import type { Scenario } from "../../model/engine/scenario/types";

const REFERENCE = fisAsPublished().agreement;

export function isReferenceAgreement(s: Scenario): boolean {
  return s.agreement.name === REFERENCE.name && s.agreement.fiscalYears.join() === REFERENCE.fiscalYears.join();
}

export function publishedCell(line: string, column: string): number | undefined {
  return PUBLISHED_FIS_TABLE[line]?.[column];
}
