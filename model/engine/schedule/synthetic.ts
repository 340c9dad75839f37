/**
 * SYNTHETIC censuses for tests, benchmarks and the reference case. Not data about real people.
 *
 * Shape: schedule shares ET-15 10-month 86%, 11-month 4%, 12-month 6%, EG-09 4%; ET-15 lane shares
 * Bachelors 18%, +15 7%, +30/Masters 42%, Masters+30 18%, Masters+60/PhD 15%. Each member sits at a
 * "position": steps 1..15 with years of service = step, or step 16 with 16..25 years (so longevity
 * columns are populated). Position weights grow with seniority, exp(tilt x position / 24), and each cell
 * weight is jittered by a seeded PRNG (x 0.75..1.25). Headcounts are whole numbers allocated by largest
 * remainder, so the total is exactly n. Deterministic for a given (n, seed, tilt).
 */
import { Decimal } from "../decimal";
import type { Census, CensusCell, ScheduleKey } from "./types";

export const SYNTHETIC_SCHEDULE_SHARES: Record<ScheduleKey, number> = { "ET15-10M": 0.86, "ET15-11M": 0.04, "ET15-12M": 0.06, EG09: 0.04 };
export const SYNTHETIC_LANE_SHARES: Record<string, number> = {
  Bachelors: 0.18,
  "Bachelors+15": 0.07,
  "Bachelors+30/Masters": 0.42,
  "Masters+30": 0.18,
  "Masters+60/PhD": 0.15,
};
export const DEFAULT_TILT = 1;

/** mulberry32: small, fast, seeded PRNG (not for security). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Slot {
  schedule: ScheduleKey;
  lane: string;
  step: number;
  years: number;
  weight: number;
}

/** A synthetic census of exactly n members (whole headcounts), as of FY2024. */
export function syntheticCensus(n: number, seed: number, tilt = DEFAULT_TILT): Census {
  if (!Number.isInteger(n) || n < 0) throw new Error(`syntheticCensus: n must be a whole number >= 0, got ${n}`);
  const rand = prng(seed);
  const slots: Slot[] = [];
  const positions: { step: number; years: number }[] = [];
  for (let s = 1; s <= 15; s++) positions.push({ step: s, years: s });
  for (let y = 16; y <= 25; y++) positions.push({ step: 16, years: y });
  for (const schedule of Object.keys(SYNTHETIC_SCHEDULE_SHARES) as ScheduleKey[]) {
    const lanes = schedule === "EG09" ? { Bachelors: 1 } : SYNTHETIC_LANE_SHARES;
    for (const [lane, laneShare] of Object.entries(lanes)) {
      positions.forEach((p, i) => {
        const w = SYNTHETIC_SCHEDULE_SHARES[schedule] * laneShare * Math.exp((tilt * i) / (positions.length - 1)) * (0.75 + 0.5 * rand());
        slots.push({ schedule, lane, step: p.step, years: p.years, weight: w });
      });
    }
  }
  // Largest-remainder allocation of n (weights are shares of people, never money).
  const total = slots.reduce((a, s) => a + s.weight, 0);
  const exact = slots.map((s) => (n * s.weight) / total);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((a, c) => a + c, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]! += 1;
  const cells: CensusCell[] = [];
  slots.forEach((s, i) => {
    if (counts[i]! > 0)
      cells.push({ schedule: s.schedule, lane: s.lane, step: s.step, yearsOfService: s.years, headcount: new Decimal(counts[i]!) });
  });
  return { label: `SYNTHETIC census n=${n} seed=${seed}`, asOfFiscalYear: 2024, cells };
}
