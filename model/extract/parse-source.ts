/**
 * Pure parser for the salary-schedule pages of the source document
 * (/work/shared/source/004_8d675becaf0e1477.txt, lines ~4500-5139).
 *
 * The PDF text extraction splits numbers across lines ("79,66\n4\n$" is 79,664) and scatters
 * the table titles after the tables. So the parser:
 *  1. finds each table by its "Adjustment: x.x%" line (EG-09's first table has none: it starts at
 *     "EG 09 Salary Schedule"), then the "Education Level Step ..." header line;
 *  2. joins the table's lines and deletes ALL whitespace, which re-glues split numbers
 *     ("79,66" + "4" + "$" -> "79,664$");
 *  3. cuts the glued text at the lane names (in their known order) and reads each lane's cells as a
 *     strict sequence of "ddd,ddd$" or "N/A" tokens; any other leftover character is an error.
 * No node: imports: the runner (extract-schedules.ts) feeds it text.
 */
import type { SalarySchedule, ScheduleFamily, ScheduleFile } from "../engine/index";

export const SOURCE_FILE = "004_8d675becaf0e1477.txt";

export const ET15_LANES = ["Bachelors", "Bachelors+15", "Bachelors+30/Masters", "Masters+30", "Masters+60/PhD"] as const;
export const ET15_STEPS = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
  "11",
  "12-15",
  "16",
  "17-18 yrs",
  "19-20 yrs",
  "21+ yrs",
] as const;
export const EG09_LANES = ["Bachelors"] as const;
export const EG09_STEPS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10-16", "17-18 yrs", "19-20 yrs", "21+ yrs"] as const;

/** How lane names look once whitespace is removed. */
const LANE_GLUED: Record<string, string> = {
  Bachelors: "Bachelors",
  "Bachelors+15": "Bachelors+15",
  "Bachelors+30/Masters": "Bachelors+30/Masters",
  "Masters+30": "Masters+30",
  "Masters+60/PhD": "Masters+60/PhD",
};

const MONTHS_NAME = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

interface RawTable {
  /** 1-based line numbers, inclusive. */
  firstLine: number;
  lastLine: number;
  adjustment: string | null;
  headerLine: number;
  rows: Record<string, (string | null)[]>;
}

function glue(s: string): string {
  return s.replace(/[\s\u00a0]+/g, "");
}

function parseRow(text: string, where: string): (string | null)[] {
  const cells: (string | null)[] = [];
  const re = /(\d{1,3}(?:,\d{3})+)\$|N\/A/g;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index !== consumed) throw new Error(`${where}: unexpected text "${text.slice(consumed, m.index)}"`);
    cells.push(m[1] === undefined ? null : m[1].replace(/,/g, ""));
    consumed = m.index + m[0].length;
  }
  if (consumed !== text.length) throw new Error(`${where}: unexpected trailing text "${text.slice(consumed)}"`);
  return cells;
}

function readTable(lines: string[], startIdx: number, headerIdx: number, lanes: readonly string[], adjustment: string | null): RawTable {
  // Data lines run from after the header to the line before the next table/title marker.
  let end = headerIdx + 1;
  const stop = /^(Adjustment:|17\S18\s*Yrs|Longevity|FY\s+20|Washington\s+Teacher)/;
  while (end < lines.length && !stop.test(lines[end]!.trim())) end++;
  // drop trailing blank/whitespace-only lines
  let last = end - 1;
  while (last > headerIdx && lines[last]!.trim() === "") last--;
  const body = glue(lines.slice(headerIdx + 1, last + 1).join("\n"));
  const rows: Record<string, (string | null)[]> = {};
  let pos = 0;
  const starts: number[] = [];
  for (const lane of lanes) {
    const name = LANE_GLUED[lane]!;
    const at = body.indexOf(name, pos);
    if (at < 0) throw new Error(`line ${headerIdx + 1}: lane ${lane} not found`);
    starts.push(at);
    pos = at + name.length;
  }
  lanes.forEach((lane, i) => {
    const from = starts[i]! + LANE_GLUED[lane]!.length;
    const to = i + 1 < lanes.length ? starts[i + 1]! : body.length;
    rows[lane] = parseRow(body.slice(from, to), `table at line ${headerIdx + 1}, lane ${lane}`);
  });
  return { firstLine: startIdx + 1, lastLine: last + 1, adjustment, headerLine: headerIdx + 1, rows };
}

function isoDate(monthName: string, day: string, year: string): string {
  const m = MONTHS_NAME.indexOf(monthName) + 1;
  if (m === 0) throw new Error(`unknown month ${monthName}`);
  return `${year}-${String(m).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

function percentToRate(pct: string): string {
  // "2.0" -> "0.020"; done on the string so no float touches it.
  const [i, f = ""] = pct.split(".");
  const digits = (i ?? "0") + f;
  const scale = f.length + 2;
  const padded = digits.padStart(scale + 1, "0");
  const out = `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
  return out.replace(/^0+(?=\d)/, "");
}

function checkWidth(t: RawTable, lanes: readonly string[], width: number): void {
  for (const lane of lanes) {
    const n = t.rows[lane]!.length;
    if (n !== width) throw new Error(`table at line ${t.headerLine}: lane ${lane} has ${n} cells, expected ${width}`);
  }
}

/**
 * Parses the ET-15 schedules. Within each fiscal year the three tables appear in the order
 * 10-month, 11-month, 12-month (the titles "FY 20xx ET 15 Salary Schedule - 11 Month / 12 Month / 10 Month"
 * are scattered after the tables by the extraction; the order is confirmed by the values: the second table is
 * the first x 1.1 = 11/10, see test/schedule/extraction.test.ts).
 */
export function parseEt15(text: string, firstLine = 4500, lastLine = 5139): ScheduleFile {
  const lines = text.split(/\r?\n/);
  const schedules: SalarySchedule[] = [];
  let effective: { date: string; line: number; heading: string } | null = null;
  let inFy = 0;
  const monthsOrder = [10, 11, 12] as const;
  for (let i = firstLine - 1; i < Math.min(lastLine, lines.length); i++) {
    const line = lines[i]!.trim();
    if (/^EG\s+09\s+Salary\s+Schedule/.test(line)) break;
    const eff = /^Effective\s+(\w+)\s+(\d+),\s*(\d{4})/.exec(line);
    if (eff && /^ET\S15\s+Salary\s+Schedule/.test(lines[i - 1]!.trim())) {
      effective = {
        date: isoDate(eff[1]!, eff[2]!, eff[3]!),
        line: i,
        heading: `ET-15 Salary Schedule Effective ${eff[1]} ${eff[2]}, ${eff[3]}`,
      };
      inFy = 0;
      continue;
    }
    const adj = /^Adjustment:\s*([\d.]+)%/.exec(line);
    if (adj && effective) {
      const headerIdx = i + 1;
      if (!/^Education\s*Level/.test(lines[headerIdx]!.trim()))
        throw new Error(`line ${headerIdx + 1}: expected the Education Level header`);
      const start = inFy === 0 ? effective.line - 1 : i; // first table: include the "ET-15 Salary Schedule / Effective" heading
      const t = readTable(lines, start, headerIdx, ET15_LANES, adj[1]!);
      checkWidth(t, ET15_LANES, ET15_STEPS.length);
      const months = monthsOrder[inFy]!;
      const fy = Number(effective.date.slice(0, 4)) + 1;
      schedules.push({
        id: `ET15-${months}M-FY${fy}`,
        family: "ET-15",
        fiscalYear: fy,
        months,
        effective: effective.date,
        adjustment: percentToRate(adj[1]!),
        heading: `${effective.heading} Adjustment ${adj[1]}% (FY ${fy} ET 15 Salary Schedule - ${months} Month)`,
        source: { file: SOURCE_FILE, lines: [t.firstLine, t.lastLine] },
        lanes: [...ET15_LANES],
        steps: [...ET15_STEPS],
        cells: t.rows,
      });
      inFy++;
      i = t.lastLine - 1;
    }
  }
  return {
    family: "ET-15",
    description:
      "DCPS-WTU ET-15 (teacher) salary schedules FY2025-FY2028, 10-, 11- and 12-month, as printed in the agreement. Cells are annual " +
      "salaries in whole dollars; null = N/A (the lane has no such step).",
    source: SOURCE_FILE,
    schedules,
  };
}

/**
 * Parses the EG-09 schedule (one lane, "Bachelors" as printed; steps 1-9, 10-16, longevity).
 * The four tables are FY2025 (no adjustment line, under "EG 09 Salary Schedule FY 25 - 28"), then FY2026, FY2027,
 * FY2028 (titles "FY 2026 Effective October 5, 2025" etc. are scattered after the tables; FY2025 has no title).
 */
export function parseEg09(text: string, firstLine = 4500, lastLine = 5139): ScheduleFile {
  const lines = text.split(/\r?\n/);
  let i = firstLine - 1;
  while (i < lastLine && !/^EG\s+09\s+Salary\s+Schedule/.test(lines[i]!.trim())) i++;
  if (i >= lastLine) throw new Error("EG 09 Salary Schedule heading not found");
  const headingIdx = i;
  const effectiveDates: Record<number, string> = { 2025: "2024-10-06", 2026: "2025-10-05", 2027: "2026-10-04", 2028: "2027-10-03" };
  const schedules: SalarySchedule[] = [];
  let fy = 2025;
  let pendingAdj: { pct: string | null; idx: number } = { pct: null, idx: headingIdx };
  for (; i < lastLine; i++) {
    const line = lines[i]!.trim();
    const adj = /^Adjustment:\s*([\d.]+)%/.exec(line);
    if (adj) pendingAdj = { pct: adj[1]!, idx: i };
    if (/^Education\s*Level/.test(line)) {
      const t = readTable(lines, pendingAdj.idx, i, EG09_LANES, pendingAdj.pct);
      checkWidth(t, EG09_LANES, EG09_STEPS.length);
      schedules.push({
        id: `EG09-12M-FY${fy}`,
        family: "EG-09",
        fiscalYear: fy,
        months: 12,
        effective: effectiveDates[fy]!,
        adjustment: pendingAdj.pct === null ? null : percentToRate(pendingAdj.pct),
        heading:
          pendingAdj.pct === null
            ? `EG 09 Salary Schedule FY 25 - 28 (FY ${fy}; no adjustment line printed)`
            : `EG 09 Salary Schedule Adjustment ${pendingAdj.pct}% (FY ${fy} Effective ${effectiveDates[fy]})`,
        source: { file: SOURCE_FILE, lines: [t.firstLine, t.lastLine] },
        lanes: [...EG09_LANES],
        steps: [...EG09_STEPS],
        cells: t.rows,
      });
      fy++;
      i = t.lastLine - 1;
      pendingAdj = { pct: null, idx: i + 1 };
      if (fy > 2028) break;
    }
  }
  return {
    family: "EG-09" satisfies ScheduleFamily,
    description:
      "DCPS-WTU EG-09 salary schedule FY2025-FY2028 as printed in the agreement (one lane, printed as 'Bachelors'; longevity columns " +
      "printed for 'BA/BS+30 & Above'). Months not printed: recorded as 12 (Art. 17.1.3 names EG-09 among twelve-month teachers). " +
      "Cells are annual salaries in whole dollars.",
    source: SOURCE_FILE,
    schedules,
  };
}
