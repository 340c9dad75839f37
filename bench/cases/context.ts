/** What every case receives: run counts scaled by --quick, and a log line writer. */
export interface BenchContext {
  quick: boolean;
  /** --dist DIR: measure this web build as it is (no staleness check, no rebuild). */
  dist: string | null;
  /** Scales a run count down in --quick mode, never below 3 so a median still means something. */
  runs(n: number): number;
  log(message: string): void;
}

export function makeContext(quick: boolean, dist: string | null = null): BenchContext {
  return {
    quick,
    dist,
    runs: (n) => (quick ? Math.max(3, Math.ceil(n / 5)) : n),
    log: (message) => process.stderr.write(`  ${message}\n`),
  };
}
