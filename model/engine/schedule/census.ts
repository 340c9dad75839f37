/**
 * The census for the step-distribution method: headcount by schedule x lane x step (x years of service),
 * and its CSV import.
 *
 * CSV layout (header row found by name, not position; lines above it, e.g. a title, are skipped):
 *   schedule,lane,step,headcount[,years of service]
 *   ET15-10M,Bachelors+30/Masters,7,112
 * schedule: ET15-10M | ET15-11M | ET15-12M | EG09 (also "ET-15 10-month", "ET 15/10", "EG-09", ...).
 * lane: a lane of that schedule (spaces and case ignored: "Bachelors + 30/Masters" is fine).
 * step: whole number 1..16 (the individual step; 12-15 share a printed column on ET-15, 10-16 on EG-09).
 * headcount: whole number >= 0. years of service: optional whole number >= 0 (longevity placement at step 16).
 * Any error rejects the whole file (nothing partial); every error names file, row (1-based, as a spreadsheet
 * shows it) and column (header text).
 */
import { Decimal, parseDecimal, sum } from "../decimal";
import type { InputError } from "../errors";
import { loadSchedules, indexSchedules, stepLayout } from "./schedules";
import { CENSUS_CELL_LIMIT, censusCheckedByParser, type CheckedCensus } from "./census-check";
import type { Census, CensusCell, ScheduleKey } from "./types";
import { SCHEDULE_KEYS } from "./types";

/** A census import error: always names file, row and column. Assignable to the engine's InputError. */
export interface CensusImportError extends InputError {
  file: string;
  sheet?: string;
  row: number;
  column: string;
  message: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-./()]+/g, "");

const SCHEDULE_ALIASES: Record<string, ScheduleKey> = (() => {
  const out: Record<string, ScheduleKey> = {};
  for (const k of SCHEDULE_KEYS) out[norm(k)] = k;
  for (const m of [10, 11, 12] as const) {
    const key = `ET15-${m}M` as ScheduleKey;
    for (const alias of [`ET15 ${m}`, `ET-15 ${m}-month`, `ET-15 ${m} month`, `ET15/${m}`, `ET 15/${m}`, `ET15-${m}`, `ET15 ${m}M`])
      out[norm(alias)] = key;
  }
  for (const alias of ["EG-09", "EG 09", "EG09-12M", "EG-09 12-month"]) out[norm(alias)] = "EG09";
  out[norm("ET-15")] = "ET15-10M";
  return out;
})();

const HEADER_ALIASES: Record<string, "schedule" | "lane" | "step" | "headcount" | "years"> = {
  schedule: "schedule",
  salaryschedule: "schedule",
  lane: "lane",
  educationlevel: "lane",
  step: "step",
  headcount: "headcount",
  count: "headcount",
  members: "headcount",
  yearsofservice: "years",
  years: "years",
  yos: "years",
  service: "years",
};

/** Splits CSV text into rows of fields (RFC 4180 quotes; CRLF or LF). */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function laneIndex(): Map<ScheduleKey, Map<string, string>> {
  const idx = indexSchedules(loadSchedules());
  const out = new Map<ScheduleKey, Map<string, string>>();
  for (const [key, byYear] of idx) {
    const s = byYear.values().next().value!;
    out.set(key, new Map(s.lanes.map((l) => [norm(l), l])));
  }
  return out;
}

/** Parses a census CSV. Returns the census, or every error found (never a partial census). */
export function parseCensusCsv(
  text: string,
  fileName: string,
  options: { label?: string; asOfFiscalYear?: number; sheet?: string } = {},
): { ok: true; value: CheckedCensus } | { ok: false; errors: CensusImportError[] } {
  const rows = splitCsv(text);
  const errors: CensusImportError[] = [];
  const err = (row: number, column: string, message: string) =>
    errors.push({ file: fileName, ...(options.sheet ? { sheet: options.sheet } : {}), row, column, message });

  // Header: the first row naming schedule, lane, step and headcount.
  let headerRow = -1;
  let cols: Partial<Record<"schedule" | "lane" | "step" | "headcount" | "years", number>> = {};
  for (let r = 0; r < rows.length && headerRow < 0; r++) {
    const found: typeof cols = {};
    rows[r]!.forEach((h, c) => {
      const k = Object.hasOwn(HEADER_ALIASES, norm(h)) ? HEADER_ALIASES[norm(h)] : undefined;
      if (k && found[k] === undefined) found[k] = c;
    });
    if (found.schedule !== undefined && found.lane !== undefined && found.step !== undefined && found.headcount !== undefined) {
      headerRow = r;
      cols = found;
    }
  }
  if (headerRow < 0) {
    err(1, "(header)", "no header row naming the columns schedule, lane, step and headcount (optional: years of service)");
    return { ok: false, errors };
  }
  const header = rows[headerRow]!;
  const colName = (c: number) => header[c]!.trim();
  const lanes = laneIndex();
  const maxStep = new Map<ScheduleKey, number>();
  for (const [key, byYear] of indexSchedules(loadSchedules())) maxStep.set(key, stepLayout(byYear.values().next().value!).maxStep);
  const merged = new Map<string, CensusCell>();

  const wholeNumber = (raw: string, r: number, c: number, what: string, allowEmpty: boolean): number | null | undefined => {
    const trimmed = raw.trim();
    // Thousands separators only where they group thousands: "1,200" is 1200, "1,2,3" is not a number.
    if (trimmed.includes(",") && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) {
      err(r, colName(c), `${what} "${trimmed}" is not a number`);
      return null;
    }
    const t = trimmed.replace(/,/g, "");
    if (t === "") {
      if (!allowEmpty) err(r, colName(c), `${what} is empty`);
      return allowEmpty ? undefined : null;
    }
    const d = parseDecimal(t);
    if (d === null) {
      err(r, colName(c), `${what} "${raw.trim()}" is not a number`);
      return null;
    }
    if (d.isNegative()) {
      err(r, colName(c), `${what} ${raw.trim()} is negative`);
      return null;
    }
    if (!d.isInteger()) {
      err(r, colName(c), `${what} ${raw.trim()} is not a whole number`);
      return null;
    }
    if (d.greaterThan(10_000_000)) {
      err(r, colName(c), `${what} ${raw.trim()} is implausibly large`);
      return null;
    }
    return d.toNumber(); // a whole count, not money
  };

  for (let r = headerRow + 1; r < rows.length; r++) {
    const fields = rows[r]!;
    const rowNo = r + 1;
    if (fields.every((f) => f.trim() === "")) continue;
    const get = (c: number | undefined) => (c === undefined ? "" : (fields[c] ?? ""));
    const before = errors.length;

    const schedRaw = get(cols.schedule).trim();
    const schedule = Object.hasOwn(SCHEDULE_ALIASES, norm(schedRaw)) ? SCHEDULE_ALIASES[norm(schedRaw)] : undefined;
    if (!schedule) err(rowNo, colName(cols.schedule!), `unknown schedule "${schedRaw}" (expected one of ${SCHEDULE_KEYS.join(", ")})`);

    const laneRaw = get(cols.lane).trim();
    let lane: string | undefined;
    if (schedule) {
      lane = lanes.get(schedule)?.get(norm(laneRaw));
      if (!lane)
        err(
          rowNo,
          colName(cols.lane!),
          `unknown lane "${laneRaw}" for ${schedule} (expected one of ${[...(lanes.get(schedule)?.values() ?? [])].join(", ")})`,
        );
    }

    const stepRaw = get(cols.step).trim();
    let step: number | null | undefined = null;
    if (!/^\d+$/.test(stepRaw))
      err(
        rowNo,
        colName(cols.step!),
        `unknown step "${stepRaw}" (expected a whole step number 1..16; steps 12-15 are entered individually)`,
      );
    else {
      step = Number.parseInt(stepRaw, 10);
      const max = schedule ? (maxStep.get(schedule) ?? 16) : 16;
      if (step < 1 || step > max) err(rowNo, colName(cols.step!), `unknown step ${stepRaw} (expected 1..${max})`);
    }

    const headcount = wholeNumber(get(cols.headcount), rowNo, cols.headcount!, "headcount", false);
    const years = cols.years === undefined ? undefined : wholeNumber(get(cols.years), rowNo, cols.years, "years of service", true);
    // The same rule checkCensus applies, so the parsed census is checked by construction.
    if (typeof years === "number" && years > 80)
      err(rowNo, colName(cols.years!), `years of service ${years} is not a whole number of years from 0 to 80`);

    if (errors.length > before || !schedule || !lane || step == null || headcount == null || years === null) continue;
    const key = `${schedule}|${lane}|${step}|${years ?? ""}`;
    const prev = merged.get(key);
    if (prev) prev.headcount = prev.headcount.plus(headcount);
    else
      merged.set(key, {
        schedule,
        lane,
        step,
        ...(years !== undefined ? { yearsOfService: years } : {}),
        headcount: new Decimal(headcount),
      });
  }
  if (errors.length === 0 && merged.size > CENSUS_CELL_LIMIT)
    err(
      rows.length,
      "(census)",
      `${merged.size} distinct cells; a census is limited to ${CENSUS_CELL_LIMIT} (schedule x lane x step x years of service)`,
    );
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: censusCheckedByParser({
      label: options.label ?? fileName,
      asOfFiscalYear: options.asOfFiscalYear ?? 2024,
      cells: [...merged.values()],
    }),
  };
}

/** Total headcount. */
export function censusHeadcount(census: Census): Decimal {
  return sum(census.cells.map((c) => c.headcount));
}

/** Serializes a census as CSV (the import format). */
export function censusToCsv(census: Census): string {
  const lines = ["schedule,lane,step,years of service,headcount"];
  for (const c of census.cells) lines.push([c.schedule, c.lane, c.step, c.yearsOfService ?? "", c.headcount.toString()].join(","));
  return lines.join("\n") + "\n";
}

/** JSON form of a census: headcounts as strings. */
export interface CensusJson {
  label: string;
  description?: string;
  asOfFiscalYear: number;
  cells: { schedule: ScheduleKey; lane: string; step: number; yearsOfService?: number; headcount: string }[];
}

export function censusFromJson(j: CensusJson): Census {
  return {
    label: j.label,
    asOfFiscalYear: j.asOfFiscalYear,
    cells: j.cells.map((c) => ({
      schedule: c.schedule,
      lane: c.lane,
      step: c.step,
      ...(c.yearsOfService !== undefined ? { yearsOfService: c.yearsOfService } : {}),
      headcount: new Decimal(c.headcount),
    })),
  };
}

export function censusToJson(c: Census, description?: string): CensusJson {
  return {
    label: c.label,
    ...(description ? { description } : {}),
    asOfFiscalYear: c.asOfFiscalYear,
    cells: c.cells.map((x) => ({
      schedule: x.schedule,
      lane: x.lane,
      step: x.step,
      ...(x.yearsOfService !== undefined ? { yearsOfService: x.yearsOfService } : {}),
      headcount: x.headcount.toString(),
    })),
  };
}
