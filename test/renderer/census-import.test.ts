/**
 * The census import as the renderer runs it (renderer/io/census-import-job.ts, file-commands):
 * the answer that crosses the worker boundary, and the store's all-or-nothing handling. Node has
 * no Web Worker, so the client takes its main-thread fallback here, the same job the worker runs.
 */
import { describe, expect, it } from "vitest";
import type { PlatformApi, PlatformResult } from "../../electron/ipc/contract";
import { importCensus } from "../../model/io/census-import";
import { censusHeadcount, censusToCsv, referenceCensus } from "../../model/engine/schedule";
import { censusOf, MAX_ERRORS_SENT, runCensusImport } from "../../renderer/io/census-import-job";
import { importCensusFile, type FileCommandContext } from "../../renderer/state/file-commands";
import { initialState, reducer, type Action, type AppState } from "../../renderer/state/store";

const ok = <T>(value: T): PlatformResult<T> => ({ ok: true, value });
const bytesOf = (text: string) => new TextEncoder().encode(text);
const small = () => ({ ...referenceCensus(), cells: referenceCensus().cells.slice(0, 25) });

/** The platform's file picker hands out `files` in turn, one per Import census… */
function harness(...files: { name: string; bytes: Uint8Array }[]): { ctx: FileCommandContext; state: () => AppState; actions: Action[] } {
  let state = initialState();
  const actions: Action[] = [];
  const platform = { kind: "browser", openSpreadsheetFile: async () => ok(files.shift() ?? null) } as unknown as PlatformApi;
  const dispatch = (a: Action) => {
    actions.push(a);
    state = reducer(state, a);
  };
  return { ctx: { platform, getState: () => state, dispatch }, state: () => state, actions };
}

describe("census import job", () => {
  it("a valid file comes back as census JSON that rebuilds the importer's census exactly", () => {
    const bytes = bytesOf(censusToCsv(small()));
    const direct = importCensus(bytes, "c.csv");
    const answer = runCensusImport(importCensus, bytes, "c.csv");
    expect(direct.ok && answer.ok).toBe(true);
    if (!direct.ok || !answer.ok) return;
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
    const rebuilt = censusOf(answer);
    expect(rebuilt.label).toBe("c.csv");
    expect(rebuilt.cells.map((c) => [c.schedule, c.lane, c.step, c.yearsOfService, c.headcount.toString()])).toEqual(
      direct.value.cells.map((c) => [c.schedule, c.lane, c.step, c.yearsOfService, c.headcount.toString()]),
    );
    expect(censusHeadcount(rebuilt).toString()).toBe(censusHeadcount(small()).toString());
  });

  it("a file bad in every row sends the first errors and the total count", () => {
    const rows = Array.from({ length: 450 }, (_, i) => `ET15-10M,Bachelors,step${i},1`);
    const answer = runCensusImport(importCensus, bytesOf(["schedule,lane,step,headcount", ...rows].join("\n")), "bad.csv");
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.total).toBe(450);
    expect(answer.errors).toHaveLength(MAX_ERRORS_SENT);
    expect(answer.errors[0]).toMatchObject({ file: "bad.csv", row: 2, column: "C" });
  });
});

describe("Import census… (file command)", () => {
  it("shows the importing state with the file's size, then applies the census", async () => {
    const bytes = bytesOf(censusToCsv(small()));
    const h = harness({ name: "small.csv", bytes });
    await importCensusFile(h.ctx);
    expect(h.actions[0]).toEqual({ type: "censusImporting", file: { fileName: "small.csv", bytes: bytes.byteLength } });
    expect(h.state().censusImport).toBeNull();
    expect(h.state().census?.fileName).toBe("small.csv");
    expect(h.state().census?.importedIn).toBe("main thread");
    expect(censusHeadcount(h.state().census!.census).toString()).toBe(censusHeadcount(small()).toString());
    expect(h.state().notice?.text).toContain('Imported the census in "small.csv"');
  });

  it("a file with errors changes nothing and lists them with row and column", async () => {
    const lines = censusToCsv(small()).split("\n");
    lines[3] = lines[3]!.replace(/^([^,]*),([^,]*),(\d+)/, "$1,$2,x");
    const h = harness({ name: "small.csv", bytes: bytesOf(censusToCsv(small())) }, { name: "bad.csv", bytes: bytesOf(lines.join("\n")) });
    await importCensusFile(h.ctx);
    const before = h.state().census;
    expect(before?.fileName).toBe("small.csv");
    await importCensusFile(h.ctx);
    expect(h.state().census).toBe(before);
    expect(h.state().censusImport).toBeNull();
    expect(h.state().notice?.kind).toBe("error");
    expect(h.state().notice?.text).toBe('Could not import "bad.csv": 1 problem(s); nothing was changed.');
    expect(h.state().notice?.details?.[0]).toMatch(/^bad\.csv, row 4, column C: /);
  });

  it("a column the census does not read is named in the notice, which becomes a warning", async () => {
    const csv = censusToCsv(small())
      .split("\n")
      .map((l, i) => (l === "" ? l : `${l};${i === 0 ? "Annual salary" : "61000"}`.replace(/,/g, ";")))
      .join("\n");
    const h = harness({ name: "payroll.csv", bytes: bytesOf(csv) });
    await importCensusFile(h.ctx);
    expect(censusHeadcount(h.state().census!.census).toString()).toBe(censusHeadcount(small()).toString());
    expect(h.state().notice?.kind).toBe("warning");
    expect(h.state().notice?.details).toContainEqual(
      'payroll.csv, row 1, column F: column "Annual salary" is not a census column ' +
        "(schedule, lane, step, headcount, years of service); ignored",
    );
  });

  it("a second import while one runs is ignored", async () => {
    const h = harness({ name: "small.csv", bytes: bytesOf(censusToCsv(small())) });
    h.ctx.dispatch({ type: "censusImporting", file: { fileName: "big.csv", bytes: 1 } });
    await importCensusFile(h.ctx);
    expect(h.state().census).toBeNull();
    expect(h.state().censusImport?.fileName).toBe("big.csv");
  });
});
