/**
 * The Ranges card's run store (renderer/analysis/ranges-run.ts) over a stand-in worker lane: a
 * run's progress and answer land on its own scenario; Cancel leaves it "cancelled"; a run started
 * while another is going cancels that one, and the cancellation arriving late does not overwrite
 * the newer run of the same scenario.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { JobCancelled, type RunOptions } from "../../renderer/workers/worker-job-client";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; options: RunOptions };
const pending: Pending[] = [];

vi.mock("../../renderer/analysis/client", () => ({
  runInBackground: (_request: unknown, options: RunOptions) => new Promise((resolve, reject) => pending.push({ resolve, reject, options })),
  cancelBackground: () => {
    for (const p of pending.splice(0)) p.reject(new JobCancelled());
    return true;
  },
  canCancelBackground: () => true,
}));

const { startRanges, cancelRanges, runOf } = await import("../../renderer/analysis/ranges-run");
const tick = () => new Promise((r) => setTimeout(r, 0));
const params = { draws: 100, seed: 1, exceed: null };
const answer = (draws: number) => ({
  data: { kind: "monteCarlo", result: { draws }, evaluations: draws, ms: 1 },
  where: "worker",
  wallMs: 1,
});

beforeEach(() => {
  pending.length = 0;
});

describe("ranges run store", () => {
  it("running with progress, then done with the answer", async () => {
    const s = fisAsPublished();
    startRanges(s, null, params);
    expect(runOf(s)).toMatchObject({ status: "running", progress: null, cancellable: true });
    pending[0]!.options.onProgress!(40, 100);
    expect(runOf(s)).toMatchObject({ status: "running", progress: { done: 40, total: 100 } });
    pending[0]!.resolve(answer(100));
    await tick();
    expect(runOf(s)).toMatchObject({ status: "done", where: "worker", data: { result: { draws: 100 } } });
  });

  it("Cancel leaves the run cancelled", async () => {
    const s = fisAsPublished();
    startRanges(s, null, params);
    expect(cancelRanges()).toBe(true);
    await tick();
    expect(runOf(s)).toEqual({ status: "cancelled", params });
  });

  it("a new run of the same scenario cancels the old one, whose late rejection does not overwrite the new run", async () => {
    const s = fisAsPublished();
    startRanges(s, null, params);
    startRanges(s, null, { ...params, draws: 200 });
    await tick();
    expect(runOf(s)).toMatchObject({ status: "running", params: { draws: 200 } });
    pending[0]!.resolve(answer(200));
    await tick();
    expect(runOf(s)).toMatchObject({ status: "done", params: { draws: 200 } });
  });
});
