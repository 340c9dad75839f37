/** The document model for a request: the statement of the scenario, or the memo comparing it with a baseline. */
import { buildFisDocument } from "../../model/report/fis-document";
import { buildMemoDocument } from "../../model/report/memo-document";
import type { FisDocument } from "../../model/report/document";
import { computeOptionsFor } from "../state/compute-cache";
import type { DocumentRequest } from "./document-job";

export function buildDocument(request: Omit<DocumentRequest, "format">): FisDocument {
  const compute = computeOptionsFor(request.scenario, request.census);
  if (request.kind === "memo" && request.baseline)
    return buildMemoDocument(request.baseline, request.scenario, { today: request.today, compute });
  return buildFisDocument(request.scenario, { today: request.today, compute });
}

/** Today's date in the user's time zone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
