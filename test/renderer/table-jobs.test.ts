/**
 * Heavy-table jobs (renderer/state/table-jobs.ts) against a stand-in Worker that never answers:
 * Cancel is honoured whenever the screen offers it, including the moment between the screen
 * showing "Computing the table" and its hold starting the job (CI once clicked Cancel there,
 * and the table was costed anyway).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { cancelTableJob, holdTableJob, restartTableJob, subscribeTableJobs, tableJob } from "../../renderer/state/table-jobs";
import { viewOf } from "../../renderer/state/use-table";
import { heavyScenario } from "../robustness/heavy";

const started: StandInWorker[] = [];
class StandInWorker {
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    started.push(this);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

/** A heavy scenario (costed in the worker), a new object each time: jobs are kept per object. */
function heavy(): Scenario {
  const checked = validateScenario(heavyScenario(10, 50, 30, 30));
  if (!checked.ok) throw new Error("the heavy scenario does not validate");
  return checked.value;
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("table jobs: Cancel", () => {
  const saved = (globalThis as { Worker?: unknown }).Worker;
  beforeEach(() => {
    started.length = 0;
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
  });
  afterEach(() => {
    (globalThis as { Worker?: unknown }).Worker = saved;
  });

  it("before the screen's hold has started the job: the scenario is 'not costed', and a hold does not start it", async () => {
    const s = heavy();
    expect(viewOf(s).status).toBe("computing");
    cancelTableJob(s);
    await settled();
    expect(viewOf(s).status).toBe("cancelled");
    const release = holdTableJob(s);
    await settled();
    expect(viewOf(s).status).toBe("cancelled");
    expect(started.every((w) => w.terminated)).toBe(true);
    release();
    // Cost the table: a job that runs.
    restartTableJob(s);
    expect(viewOf(s).status).toBe("computing");
    expect(tableJob(s)?.state.status).toBe("computing");
    expect(started.at(-1)!.terminated).toBe(false);
    cancelTableJob(s);
    await settled();
    expect(viewOf(s).status).toBe("cancelled");
  });

  it("when the worker dies mid-job, Cancel is no longer offered: the job runs on to its table on the main thread", async () => {
    const s = heavy();
    const release = holdTableJob(s);
    let told = 0;
    const unsubscribe = subscribeTableJobs(() => told++);
    expect(tableJob(s)?.state).toEqual({ status: "computing", cancellable: true });
    (started.at(-1)!.onerror as (e: { preventDefault(): void }) => void)({ preventDefault() {} });
    expect(tableJob(s)?.state).toEqual({ status: "computing", cancellable: false });
    expect(told).toBe(1);
    const table = await tableJob(s)!.promise;
    expect(tableJob(s)?.state.status).toBe("done");
    expect(table.lines.length).toBeGreaterThan(0);
    unsubscribe();
    release();
  });

  it("while the job runs: the worker is stopped and the scenario is 'not costed'", async () => {
    const s = heavy();
    const release = holdTableJob(s);
    expect(tableJob(s)?.state.status).toBe("computing");
    cancelTableJob(s);
    await settled();
    expect(viewOf(s).status).toBe("cancelled");
    expect(started.at(-1)!.terminated).toBe(true);
    release();
  });
});
