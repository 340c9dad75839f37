/**
 * CSV quotes as RFC 4180, Excel and LibreOffice read them: a quote opens a quoted field only as the
 * field's first character; inside an unquoted field it is a literal character (12" binder). A
 * quoted field that never closes, or one followed by more text before the separator, is refused
 * with file, row and column: read the old way, either swallowed the rest of the file as one value
 * and the census or assumptions below it were silently dropped.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { getInput } from "../../model/engine";
import { censusHeadcount, csvDelimiter, parseCensusCsv, splitCsv } from "../../model/engine/schedule";
import { importAssumptions, importSummary } from "../../model/io/assumptions-import";
import { importCensus } from "../../model/io/census-import";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("splitCsv: a quote opens a field only at its start", () => {
  it("a quote inside an unquoted field is a literal character", () => {
    expect(splitCsv('a,12" binder,c\nd,e,f\n')).toEqual([
      ["a", '12" binder', "c"],
      ["d", "e", "f"],
    ]);
    expect(splitCsv('x;5";y\n', ";")).toEqual([["x", '5"', "y"]]);
  });

  it("quoted fields still hold separators, newlines and doubled quotes; empty fields and lines are kept", () => {
    expect(splitCsv('"1,200","a ""b""","two\nlines",\r\n\r\nz')).toEqual([["1,200", 'a "b"', "two\nlines", ""], [""], ["z"]]);
  });

  it("an unclosed quote or text after a closing quote throws with row and column (splitCsv is for text this program wrote)", () => {
    expect(() => splitCsv('a,b\nc,"d\ne,f\n')).toThrow(/row 2, column B/);
    expect(() => splitCsv('a,"5"x\n')).toThrow(/row 1, column B/);
  });
});

/** Refused by the app's import, the CLI's (same reader) and the CSV text parser, at the same place. */
function refusedAt(text: string, name: string, row: number, column: string, message: RegExp) {
  const r = importCensus(utf8(text), name);
  expect(r.ok ? [] : r.errors).toEqual([{ file: name, row, column, message: expect.stringMatching(message) }]);
  const parsed = parseCensusCsv(text, name);
  expect(parsed.ok ? [] : parsed.errors).toEqual([{ file: name, row, column, message: expect.stringMatching(message) }]);
}

describe("csvDelimiter: a stray quote is text when the separator is guessed too", () => {
  // Guessed the old way, every quote opened a field to the line's end: the data rows below lost their
  // commas and kept the "; " of their notes, so ";" won and the header became one column.
  const notesFirst =
    "note,schedule,lane,step,headcount\n" +
    'desk; 12" binder,ET15-10M,Bachelors,1,5\nshelf; 3" gap,ET15-10M,Bachelors,2,7\nrack; 9" deep,ET15-10M,Bachelors,3,9\n';

  it("a comma file whose notes hold a ; before an inch mark is a comma file, and its 5 + 7 + 9 = 21 members are read", () => {
    expect(csvDelimiter(notesFirst)).toEqual({ delimiter: ",", skipFirstLine: false });
    const r = importCensus(utf8(notesFirst), "notes.csv");
    expect(r.ok && censusHeadcount(r.value).toString()).toBe("21");
  });

  it("a ; file with inch marks and decimal commas in its notes is a ; file; a quoted field's separators are not counted", () => {
    expect(csvDelimiter('note;lane;step\n2,5" pipe, steel;Bachelors;1\n1,5" pipe, steel;Bachelors;2\n').delimiter).toBe(";");
    expect(csvDelimiter('"a;b;c",x,y\n"d;e;f",z,w\n').delimiter).toBe(",");
  });
});

describe("census CSV", () => {
  // The audit's file: the note 12" binder used to open a quoted field, and the 50-member row below
  // it vanished into the note (5,726 members costed, TOTAL COST $248,981K instead of $250,042K).
  const inch =
    "schedule,lane,step,headcount,note\nET15-10M,Bachelors+30/Masters,7,5700,\n" +
    'ET15-10M,Masters+30,9,26,12" binder\nET15-10M,Masters+60/PhD,10,50,\n';

  it('12" binder in a note is text: all three rows are read, 5,700 + 26 + 50 = 5,776 members', () => {
    for (const r of [importCensus(utf8(inch), "inch.csv"), parseCensusCsv(inch, "inch.csv")]) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(censusHeadcount(r.value).toString()).toBe("5776");
      expect(r.value.cells.map((c) => [c.lane, c.step, c.headcount.toString()])).toEqual([
        ["Bachelors+30/Masters", 7, "5700"],
        ["Masters+30", 9, "26"],
        ["Masters+60/PhD", 10, "50"],
      ]);
    }
  });

  it("a quoted field that never closes is refused where it opens, not read as the rest of the file", () => {
    // Read the old way, "Smith took the two rows below into one name: 5 members instead of 5 + 7 + 9 = 21.
    refusedAt(
      'schedule,lane,step,headcount,name\nET15-10M,Bachelors,1,5,"Smith\nET15-10M,Bachelors,2,7,Jones\nET15-10M,Bachelors,3,9,Lee\n',
      "open.csv",
      2,
      "E",
      /^a quoted field opens here \("Smith\) and is never closed: it would take in the 2 lines below it as one value; close the quote/,
    );
    refusedAt(
      'schedule,lane,step,headcount\nET15-10M,Bachelors,1,"5\n',
      "end.csv",
      2,
      "D",
      /^a quoted field opens here \("5\) and is never closed; close the quote or remove it$/,
    );
  });

  it('text after a closing quote ("5"x) is refused, not joined to the quoted text', () => {
    refusedAt(
      'schedule,lane,step,headcount\nET15-10M,Bachelors,1,"5"x\n',
      "after.csv",
      2,
      "D",
      /^the quoted field "5" is followed by x before the next comma: quote the whole value \("5x"\) or remove the quotes$/,
    );
  });

  it("the row is counted as a spreadsheet shows it: after a quoted field over two lines, and below an Excel sep= line", () => {
    refusedAt(
      'schedule;lane;step;headcount;note\nET15-10M;Bachelors;1;5;"two\nlines"\nET15-10M;Bachelors;2;"7\n',
      "rows.csv",
      3,
      "D",
      /^a quoted field opens here \("7\) and is never closed; close the quote or remove it \(line 4 of the file\)$/,
    );
    refusedAt('sep=,\nschedule,lane,step,headcount\nET15-10M,Bachelors,1,"5\n', "sep.csv", 2, "D", /never closed/);
  });
});

describe("assumptions CSV", () => {
  it('a note with 6" in it is text: every row below it is applied', () => {
    // The audit's file: members and both raises; read the old way only members was applied.
    const csv =
      'Path,Value,Note\ngroups.wtu.members,5800,per HR 6" report\n' +
      "items.baseSalary.steps.2024-10-01.amount,0.025,\nitems.baseSalary.steps.2025-10-01.amount,0.035,\n";
    const r = importAssumptions(utf8(csv), "quote.csv", fisAsPublished());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.applied.map((a) => [a.path, a.from, a.to, a.row])).toEqual([
      ["groups.wtu.members", "5776", "5800", 2],
      ["items.baseSalary.steps.2024-10-01.amount", "0.02", "0.025", 3],
      ["items.baseSalary.steps.2025-10-01.amount", "0.03", "0.035", 4],
    ]);
    expect(getInput(r.value.scenario, "items.baseSalary.steps.2025-10-01.amount")!.value).toBe("0.035");
    expect(importSummary(r.value)).toContain("applied: FY2026 base salary increase 0.03 -> 0.035 (row 4)");
  });

  it("a quoted value that never closes is refused with row and column", () => {
    const r = importAssumptions(
      utf8('Path,Value\ngroups.wtu.members,"5800\nitems.baseSalary.steps.2024-10-01.amount,0.025\n'),
      "open.csv",
      fisAsPublished(),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      {
        file: "open.csv",
        row: 2,
        column: "B",
        message: expect.stringMatching(
          /^a quoted field opens here \("5800\) and is never closed: it would take in the 1 line below it as one value/,
        ),
      },
    ]);
  });
});
