/**
 * Anomaly notes attached to the extracted data. They come from reading the numbers (see
 * test/schedule/extraction.test.ts, which asserts each of them), not from the source's own text.
 */
import type { SalarySchedule, ScheduleFile } from "../engine/index";

const ET15_COMMON = [
  "Table titles ('FY 20xx ET 15 Salary Schedule - 11 Month / 12 Month / 10 Month') are scattered after the three tables by the PDF " +
    "extraction; the tables are read in the order 10-, 11-, 12-month, confirmed by the values (11-month = 10-month x 11/10).",
  "The trailing '122' after 'Adjustment: x.x%' in the source text is an extraction artifact and is ignored.",
];

function et15Notes(s: SalarySchedule): string[] {
  const notes = [...ET15_COMMON];
  if (s.months === 10 || s.months === 11) {
    notes.push(
      "ANOMALY: Masters+60/PhD Step 6 on the 10-month table breaks the 11/10 ratio (11-month / 10-month = 1.122 instead of 1.100, " +
        "every year); the 10-month cell is the outlier (step 5->6 rises about $1,340 where neighbours rise about $3,100, then step " +
        "6->7 about $5,570). Its 11- and 12-month cells fit their own lanes. Kept as printed.",
    );
  }
  if (s.months === 12) {
    notes.push(
      "The 12-month table is not a fixed multiple of the 10-month one: 12-month / 10-month falls from 1.185 (Bachelors Step 1) to " +
        "1.120 (Masters+60/PhD 21+ yrs), the same in every fiscal year. It is a separate scale escalated by the same raises.",
      "SUSPECT: Bachelors+30/Masters Step 11 on the 12-month table rises only about $3,000 from Step 10 (neighbouring steps rise " +
        "about $4,100), then about $9,200 to Steps 12-15; still monotone. Kept as printed.",
    );
  }
  if (s.months === 12 && s.fiscalYear === 2026) {
    notes.push(
      "Masters+60/PhD Step 7: 109,866 vs FY2025 106,667 x 1.03 = 109,867.01 (off by $1.01: within the rounding of a base that is " +
        "itself rounded to the dollar).",
    );
  }
  return notes;
}

const EG09_COMMON = [
  "One lane, printed as 'Bachelors'; the longevity columns are labelled '17-18 / 19-20 / 21+ Yrs Service, BA/BS+30 & Above'. Kept as " +
    "one lane.",
  'Months per year are not printed; recorded as 12: Art. 17.1.3 (source line 2372) counts EG-09 among the "twelve (12) month ' +
    'Teachers (ET 15/12 and EG-09)".',
  "ANOMALY: the printed adjustments are 3.0%, 3.0%, 4.0% (FY2026-FY2028) but every cell grows by 3.505%, 3.500%, 5.009% year on " +
    "year. Cells are kept as printed.",
  "Fiscal years are assigned by order (first table = FY2025 under 'FY 25 - 28'; titles 'FY 2026/2027/2028 Effective ...' are " +
    "scattered after the tables).",
];

export function withNotes(file: ScheduleFile): ScheduleFile {
  return {
    ...file,
    schedules: file.schedules.map((s) => ({ ...s, notes: s.family === "ET-15" ? et15Notes(s) : [...EG09_COMMON] })),
  };
}
