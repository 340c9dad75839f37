/**
 * The table worker: costs one heavy scenario off the UI thread, reporting progress item-year by
 * item-year, and answers with the table encoded for the crossing (model/engine/result-transfer.ts),
 * its explanation nodes' typed arrays transferred rather than copied.
 */
import { computeTable } from "../../model/engine/compute";
import { encodeTableResult, transferablesOf } from "../../model/engine/result-transfer";
import type { Scenario } from "../../model/engine/scenario/types";
import { serveWorkerJobs } from "../workers/worker-job-host";
import type { TableJobAnswer, TableJobMessage } from "./table-jobs";

serveWorkerJobs<TableJobMessage, TableJobAnswer>(
  (request, progress) => {
    const scenario = JSON.parse(request.scenario) as Scenario;
    // Encoding takes about a third as long as costing: the bar keeps that last part for it.
    const result = computeTable(scenario, { onProgress: (done, total) => progress(done, total + Math.ceil(total / 3)) });
    return { encoded: encodeTableResult(result) };
  },
  (answer) => ("encoded" in answer ? transferablesOf(answer.encoded) : []),
);
