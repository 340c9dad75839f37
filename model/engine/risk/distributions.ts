/**
 * Uncertain inputs: the scenario's `uncertainty` block gives any input (by its path) a
 * distribution: fixed, uniform, triangular, normal truncated to the input's range, or a discrete
 * list with weights. Values are decimal strings of at most 15 significant digits, so each one is
 * exactly the double a draw is made of; every value must lie in the range of the field the input
 * sits in (a share stays between 0 and 1 in every draw).
 */
import { z } from "zod";
import { Decimal, parseDecimal } from "../decimal";
import { rangeText, valueProblem, type FieldSpec } from "../fields";
import { sourceSchema, strict } from "../scenario/zod-kit";
import type { InputEntry } from "../scenario/paths";
import { normalCdf, normalQuantile } from "./normal";

/** Digits a double holds exactly: a value with at most this many significant digits survives the trip. */
export const DRAW_DIGITS = 15;

const value = z
  .string()
  .max(40)
  .refine((t) => parseDecimal(t) !== null && t === t.trim(), "must be a number written as a decimal string")
  .refine((t) => parseDecimal(t) === null || parseDecimal(t)!.sd() <= DRAW_DIGITS, `may have at most ${DRAW_DIGITS} significant digits`);

const about = {
  note: z.string().max(2000).optional().describe('Why this range, e.g. "attrition 2019-2023 ranged 6% to 12%".'),
  source: sourceSchema.optional(),
};

const fixed = strict({ distribution: z.literal("fixed"), ...about }, "The input stays at its value in every draw.");
const uniform = strict(
  { distribution: z.literal("uniform"), min: value, max: value, ...about },
  "Every value from min to max equally likely.",
);
const triangular = strict(
  { distribution: z.literal("triangular"), min: value, mode: value, max: value, ...about },
  "Most likely at mode, falling to nothing at min and max.",
);
const normal = strict(
  {
    distribution: z.literal("normal"),
    mean: value,
    sd: value.describe("Standard deviation, in the input's unit."),
    min: value.optional().describe("Lowest value drawn (default: the field's own minimum)."),
    max: value.optional().describe("Highest value drawn (default: the field's own maximum)."),
    ...about,
  },
  "A normal distribution truncated to [min, max] and to the field's range.",
);
const discrete = strict(
  {
    distribution: z.literal("discrete"),
    values: z
      .array(strict({ value, weight: value.describe("Relative weight, 0 or more.") }))
      .min(1)
      .max(100),
    ...about,
  },
  "One of the listed values, each with its weight.",
);

export const distributionSchema = z.discriminatedUnion("distribution", [fixed, uniform, triangular, normal, discrete]);
export type Distribution = z.infer<typeof distributionSchema>;

export const uncertaintySchema = strict(
  {
    inputs: z
      .record(z.string().min(1).max(300), distributionSchema)
      .describe(
        'Input path -> its distribution, e.g. "scheduleMethod.separationRate": {"distribution": "uniform", "min": "0.06", "max": "0.12"}.',
      ),
    draws: z.number().int().min(1).max(1_000_000).optional().describe("Monte Carlo draws (default 10,000)."),
    seed: z
      .number()
      .int()
      .min(0)
      .max(4_294_967_295)
      .optional()
      .describe("Seed of the draws (default 1): the same seed gives the same ranges."),
  },
  "Uncertain inputs and how to draw them; the ranges they give are assumptions, shown as such.",
);
export type Uncertainty = z.infer<typeof uncertaintySchema>;

export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 1;

/** The interval a distribution draws from, with the field's own bounds applied. */
function support(d: Distribution, spec: FieldSpec, current: string): { lo: number; hi: number } {
  const fieldLo = spec.min === undefined ? Number.NEGATIVE_INFINITY : Number(spec.min);
  const fieldHi = spec.max === undefined ? Number.POSITIVE_INFINITY : Number(spec.max);
  switch (d.distribution) {
    case "fixed":
      return { lo: Number(current), hi: Number(current) };
    case "uniform":
    case "triangular":
      return { lo: Number(d.min), hi: Number(d.max) };
    case "normal":
      return {
        lo: Math.max(fieldLo, d.min === undefined ? -Infinity : Number(d.min)),
        hi: Math.min(fieldHi, d.max === undefined ? Infinity : Number(d.max)),
      };
    default:
      return { lo: Math.min(...d.values.map((v) => Number(v.value))), hi: Math.max(...d.values.map((v) => Number(v.value))) };
  }
}

/** Problems of one distribution against the field its input sits in, by field path under `at`. */
export function distributionErrors(d: Distribution, entry: InputEntry, at: string): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const spec = entry.spec;
  const inRange = (key: string, text: string | undefined) => {
    if (text === undefined) return;
    const problem = valueProblem(text, spec);
    if (problem) errors.push({ field: `${at}.${key}`, message: `${entry.param.label}: ${problem}` });
  };
  const dec = (t: string) => new Decimal(t);
  switch (d.distribution) {
    case "fixed":
      break;
    case "uniform":
      inRange("min", d.min);
      inRange("max", d.max);
      if (errors.length === 0 && !dec(d.min).lessThan(d.max))
        errors.push({ field: `${at}.max`, message: `max ${d.max} must be more than min ${d.min}` });
      break;
    case "triangular":
      inRange("min", d.min);
      inRange("mode", d.mode);
      inRange("max", d.max);
      if (errors.length === 0 && !dec(d.min).lessThan(d.max))
        errors.push({ field: `${at}.max`, message: `max ${d.max} must be more than min ${d.min}` });
      else if (errors.length === 0 && (dec(d.mode).lessThan(d.min) || dec(d.mode).greaterThan(d.max)))
        errors.push({ field: `${at}.mode`, message: `mode ${d.mode} must lie from min ${d.min} to max ${d.max}` });
      break;
    case "normal": {
      inRange("min", d.min);
      inRange("max", d.max);
      if (!dec(d.sd).greaterThan(0)) errors.push({ field: `${at}.sd`, message: `the standard deviation ${d.sd} must be more than 0` });
      if (errors.length) break;
      const { lo, hi } = support(d, spec, entry.param.value);
      if (!(lo < hi)) {
        errors.push({ field: at, message: `the draws' range is empty (${rangeText(spec)} for this field)` });
        break;
      }
      const mass = normalCdf((hi - Number(d.mean)) / Number(d.sd)) - normalCdf((lo - Number(d.mean)) / Number(d.sd));
      if (!(mass > 1e-9))
        errors.push({
          field: `${at}.mean`,
          message: `a normal distribution with mean ${d.mean} and sd ${d.sd} puts almost nothing in ${lo} to ${hi}, the range it is truncated to`,
        });
      break;
    }
    case "discrete": {
      let total = new Decimal(0);
      d.values.forEach((v, i) => {
        inRange(`values.${i}.value`, v.value);
        if (dec(v.weight).isNegative())
          errors.push({ field: `${at}.values.${i}.weight`, message: `weight ${v.weight} cannot be negative` });
        total = total.plus(dec(v.weight).isNegative() ? 0 : v.weight);
      });
      if (total.isZero()) errors.push({ field: `${at}.values`, message: "the weights add up to 0; give at least one value a weight" });
      break;
    }
  }
  return errors;
}

/** A compiled distribution: draws one double from a uniform draw u in [0, 1). */
export interface Sampler {
  draw(u: number): number;
  /** Analytic mean of the distribution as drawn (truncation included), for checks and summaries. */
  mean: number;
  lo: number;
  hi: number;
}

export function samplerOf(d: Distribution, spec: FieldSpec, current: string): Sampler {
  const { lo, hi } = support(d, spec, current);
  switch (d.distribution) {
    case "fixed": {
      const v = Number(current);
      return { draw: () => v, mean: v, lo: v, hi: v };
    }
    case "uniform":
      return { draw: (u) => lo + u * (hi - lo), mean: (lo + hi) / 2, lo, hi };
    case "triangular": {
      const c = Number(d.mode);
      const fc = (c - lo) / (hi - lo);
      return {
        draw: (u) => (u < fc ? lo + Math.sqrt(u * (hi - lo) * (c - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - c))),
        mean: (lo + c + hi) / 3,
        lo,
        hi,
      };
    }
    case "normal": {
      const mu = Number(d.mean);
      const sd = Number(d.sd);
      const a = (lo - mu) / sd;
      const b = (hi - mu) / sd;
      const pa = normalCdf(a);
      const pb = normalCdf(b);
      const pdf = (x: number) => (Number.isFinite(x) ? Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI) : 0);
      return {
        draw: (u) => {
          const p = pa + u * (pb - pa);
          const x = p <= 0 ? lo : p >= 1 ? hi : mu + sd * normalQuantile(p);
          return Math.min(hi, Math.max(lo, x));
        },
        mean: mu + (sd * (pdf(a) - pdf(b))) / (pb - pa),
        lo,
        hi,
      };
    }
    default: {
      const values = d.values.map((v) => Number(v.value));
      const weights = d.values.map((v) => Math.max(0, Number(v.weight)));
      const total = weights.reduce((x, y) => x + y, 0);
      const cumulative: number[] = [];
      let run = 0;
      for (const w of weights) cumulative.push((run += w));
      return {
        draw: (u) => {
          const target = u * total;
          for (let i = 0; i < cumulative.length; i++) if (target < cumulative[i]! && weights[i]! > 0) return values[i]!;
          return values[weights.map((w) => w > 0).lastIndexOf(true)]!;
        },
        mean: values.reduce((acc, v, i) => acc + (v * weights[i]!) / total, 0),
        lo,
        hi,
      };
    }
  }
}
