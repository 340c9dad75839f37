/**
 * The shared worker-job client (renderer/workers/worker-job-client.ts) against a stand-in Worker:
 * answers matched by id, a worker's refusal as an Error, and the main-thread fallback when the
 * worker cannot start or dies with jobs waiting.
 */
import { describe, expect, it } from "vitest";
import { createWorkerJobClient, isJobCancelled, JobCancelled } from "../../renderer/workers/worker-job-client";
import type { JobMessage, JobReply } from "../../renderer/workers/worker-job-protocol";

class FakeWorker {
  posted: { message: JobMessage<unknown>; transfer: Transferable[] }[] = [];
  terminated = false;
  onmessage: ((e: { data: JobReply<unknown> }) => void) | null = null;
  onerror: ((e: { preventDefault(): void }) => void) | null = null;
  postMessage(message: JobMessage<unknown>, transfer: Transferable[]) {
    this.posted.push({ message, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: JobReply<unknown>) {
    this.onmessage!({ data });
  }
  die() {
    let prevented = false;
    this.onerror!({ preventDefault: () => (prevented = true) });
    return prevented;
  }
}

/** A number-to-string client over a fresh stand-in worker (a new one each time it is started), or one whose worker cannot start. */
function setup(start: "starts" | "cannot start" = "starts") {
  const workers: FakeWorker[] = [new FakeWorker()];
  const main: string[] = [];
  let created = 0;
  const client = createWorkerJobClient<number, string>({
    createWorker: () => {
      created++;
      if (start === "cannot start") throw new DOMException("blocked", "SecurityError");
      if (created > workers.length) workers.push(new FakeWorker());
      return workers[created - 1] as unknown as Worker;
    },
    runOnMainThread: (n, progress) => {
      if (n < 0) throw new Error(`negative: ${n}`);
      progress(1, 2);
      progress(2, 2);
      main.push(String(n));
      return `main ${n}`;
    },
  });
  return { w: workers[0]!, workers, main, client, created: () => created };
}

describe("worker-job client", () => {
  it("posts each job with its own id and resolves each with its own reply, in the worker", async () => {
    const { w, main, client, created } = setup();
    const a = client.run(1);
    const b = client.run(2);
    expect(w.posted.map((p) => p.message)).toEqual([
      { id: 1, request: 1 },
      { id: 2, request: 2 },
    ]);
    w.reply({ id: 2, ok: true, value: "two" });
    w.reply({ id: 1, ok: true, value: "one" });
    const [ra, rb] = await Promise.all([a, b]);
    expect([ra.value, ra.where, rb.value, rb.where]).toEqual(["one", "worker", "two", "worker"]);
    expect(typeof ra.wallMs).toBe("number");
    expect(created()).toBe(1);
    expect(main).toEqual([]);
  });

  it("a refusal from the worker rejects with its message; an unknown id is ignored", async () => {
    const { w, client } = setup();
    const a = client.run(5);
    w.reply({ id: 99, ok: true, value: "stray" });
    w.reply({ id: 1, ok: false, message: "no such scenario" });
    await expect(a).rejects.toThrow("no such scenario");
  });

  it("where the worker cannot start, runs on the main thread, once per job, and does not retry the worker", async () => {
    const { main, client, created } = setup("cannot start");
    const r = await client.run(3);
    expect([r.value, r.where]).toEqual(["main 3", "main thread"]);
    await expect(client.run(-1)).rejects.toThrow("negative: -1");
    expect(created()).toBe(1);
    expect(main).toEqual(["3"]);
  });

  it("when the worker dies, the jobs waiting on it run on the main thread, and so do later ones", async () => {
    const { w, client, created } = setup();
    const a = client.run(7);
    const b = client.run(8);
    expect(w.die()).toBe(true);
    expect(w.terminated).toBe(true);
    const answers = await Promise.all([a, b, client.run(9)]);
    expect(answers.map((x) => [x.value, x.where])).toEqual([
      ["main 7", "main thread"],
      ["main 8", "main thread"],
      ["main 9", "main thread"],
    ]);
    expect(created()).toBe(1);
    expect(w.posted.length).toBe(2);
  });

  it("toMessage shapes what is posted and transferred; the request itself is kept for the fallback", async () => {
    const w = new FakeWorker();
    const seen: Uint8Array[] = [];
    const client = createWorkerJobClient<Uint8Array, number, { copy: Uint8Array }>({
      createWorker: () => w as unknown as Worker,
      runOnMainThread: async (bytes) => {
        seen.push(bytes);
        return bytes.length;
      },
      toMessage: (bytes) => {
        const copy = bytes.slice();
        return { message: { copy }, transfer: [copy.buffer] };
      },
    });
    const bytes = new Uint8Array([1, 2, 3]);
    const answer = client.run(bytes);
    const { message, transfer } = w.posted[0]!;
    const copy = (message.request as { copy: Uint8Array }).copy;
    expect([...copy]).toEqual([1, 2, 3]);
    expect(copy).not.toBe(bytes);
    expect(transfer).toEqual([copy.buffer]);
    w.die();
    const r = await answer;
    expect([r.value, r.where]).toEqual([3, "main thread"]);
    expect(seen[0]).toBe(bytes);
  });

  it("prewarm starts the worker once, before any job", () => {
    const { w, client, created } = setup();
    client.prewarm();
    client.prewarm();
    expect(created()).toBe(1);
    expect(w.onmessage).not.toBeNull();
  });

  it("progress messages reach the job's own onProgress and do not settle it; the reply still does", async () => {
    const { w, client } = setup();
    const seenA: string[] = [];
    const seenB: string[] = [];
    const a = client.run(1, { onProgress: (done, total) => seenA.push(`${done}/${total}`) });
    const b = client.run(2, { onProgress: (done, total) => seenB.push(`${done}/${total}`) });
    w.reply({ id: 1, progress: { done: 10, total: 100 } });
    w.reply({ id: 2, progress: { done: 1, total: 4 } });
    w.reply({ id: 1, progress: { done: 100, total: 100 } });
    w.reply({ id: 1, ok: true, value: "one" });
    w.reply({ id: 1, progress: { done: 5, total: 5 } }); // after its answer: nobody is listening
    w.reply({ id: 2, ok: true, value: "two" });
    expect((await a).value).toBe("one");
    expect((await b).value).toBe("two");
    expect(seenA).toEqual(["10/100", "100/100"]);
    expect(seenB).toEqual(["1/4"]);
  });

  it("cancel stops the worker, rejects waiting jobs with a recognisable cancellation; the next job starts a new worker", async () => {
    const { workers, client, created } = setup();
    const a = client.run(1);
    const b = client.run(2);
    expect(client.canCancel()).toBe(true);
    expect(client.cancel()).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    const [ra, rb] = await Promise.allSettled([a, b]);
    for (const r of [ra, rb]) {
      expect(r.status).toBe("rejected");
      const reason = (r as PromiseRejectedResult).reason as unknown;
      expect(reason).toBeInstanceOf(JobCancelled);
      expect(isJobCancelled(reason)).toBe(true);
    }
    // A late reply of the stopped worker settles nothing.
    workers[0]!.reply({ id: 1, ok: true, value: "too late" });
    const c = client.run(3);
    expect(created()).toBe(2);
    expect(workers[1]!.posted.map((p) => p.message)).toEqual([{ id: 3, request: 3 }]);
    workers[1]!.reply({ id: 3, ok: true, value: "three" });
    const rc = await c;
    expect([rc.value, rc.where]).toEqual(["three", "worker"]);
  });

  it("an ordinary failure is not a cancellation", () => {
    expect(isJobCancelled(new Error("no such scenario"))).toBe(false);
    const crossed = Object.assign(new Error("Cancelled."), { name: "JobCancelled" });
    expect(isJobCancelled(crossed)).toBe(true);
  });

  it("on the main thread a job cannot be cancelled: cancel says so and the job still answers, with its progress", async () => {
    const { client } = setup("cannot start");
    const seen: string[] = [];
    const a = client.run(4, { onProgress: (done, total) => seen.push(`${done}/${total}`) });
    expect(client.canCancel()).toBe(false);
    expect(client.cancel()).toBe(false);
    const r = await a;
    expect([r.value, r.where]).toEqual(["main 4", "main thread"]);
    expect(seen).toEqual(["1/2", "2/2"]);
  });
});
