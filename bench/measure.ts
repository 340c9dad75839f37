/**
 * Timing: warm-up runs first (JIT, caches, lazy module state), then timed runs; the report gives the
 * median because a single GC pause or scheduler hiccup on a 2-core box moves the mean and max,
 * and keep min and max so those hiccups stay visible.
 */
export interface Stats {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  warmup: number;
  /**
   * Median CPU time of this process per run (user + system), in-process cases only. On a shared
   * box wall time also counts time spent waiting for a core; CPU time does not, so a wall median
   * far above the CPU median means the machine was busy, not that the code got slower.
   */
  cpuMedianMs?: number;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
}

export function summarize(samples: readonly number[], warmup: number): Stats {
  if (samples.length === 0) throw new Error("summarize: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { medianMs: median, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, runs: sorted.length, warmup };
}

export function measureSync(fn: () => unknown, options: MeasureOptions): Stats {
  // Results are kept in a sink so the JIT cannot drop a call whose value is unused.
  const sink: unknown[] = [];
  for (let i = 0; i < options.warmup; i++) sink.push(fn());
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    sink[i % 4] = r;
  }
  return { ...summarize(samples, options.warmup), cpuMedianMs: summarize(cpu, options.warmup).medianMs };
}

/** For cases that time themselves (a child process, a browser round trip): fn returns its own duration in ms. */
export async function measureSelfTimed(fn: (run: number) => Promise<number>, options: MeasureOptions): Promise<Stats> {
  for (let i = 0; i < options.warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push(await fn(i));
  return summarize(samples, options.warmup);
}

export async function measureAsync(fn: () => Promise<unknown>, options: MeasureOptions): Promise<Stats> {
  return measureSelfTimed(async () => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  }, options);
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  if (ms < 10_000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
