/**
 * Import assumptions… as the renderer runs it: off the UI thread through a worker job
 * (renderer/io/assumptions-import-*.ts), like the census import. Node has no Web Worker, so the
 * client takes its main-thread fallback here: the same job the worker runs.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { PlatformApi, PlatformResult } from "../../electron/ipc/contract";
import { getInput } from "../../model/engine/scenario/paths";
import * as importer from "../../model/io/assumptions-import";
import { runAssumptionsImport } from "../../renderer/io/assumptions-import-job";
import { importAssumptionsFile, type FileCommandContext } from "../../renderer/state/file-commands";
import { activeEntry, initialState, reducer, type Action, type AppState } from "../../renderer/state/store";
import { whitespaceBomb } from "../fixtures/hostile/bombs";

const ok = <T>(value: T): PlatformResult<T> => ({ ok: true, value });
const inputs = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Path", "Value"], ...rows]), "Inputs");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
};

function harness(...files: { name: string; bytes: Uint8Array }[]) {
  let state: AppState = initialState();
  const actions: Action[] = [];
  const platform = { kind: "browser", openSpreadsheetFile: async () => ok(files.shift() ?? null) } as unknown as PlatformApi;
  const dispatch = (a: Action) => {
    actions.push(a);
    state = reducer(state, a);
  };
  const ctx: FileCommandContext = { platform, getState: () => state, dispatch };
  return { ctx, state: () => state, actions };
}

describe("assumptions import job", () => {
  it("crosses the worker boundary as plain data: the scenario survives structured cloning", () => {
    const answer = runAssumptionsImport(importer, {
      bytes: inputs([["groups.wtu.members", 5800]]),
      fileName: "a.xlsx",
      base: activeEntry(initialState()).scenario,
    });
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(getInput(structuredClone(answer.scenario), "groups.wtu.members")?.value).toBe("5800");
  });
});

describe("Import assumptions… (file command)", () => {
  it("says it is importing, then applies the workbook to a copy of the built-in", async () => {
    const h = harness({ name: "members.xlsx", bytes: inputs([["groups.wtu.members", 5800]]) });
    await importAssumptionsFile(h.ctx);
    expect(h.actions[0]).toMatchObject({ type: "notice", notice: { kind: "info", text: 'Importing assumptions from "members.xlsx"…' } });
    expect(getInput(activeEntry(h.state()).scenario, "groups.wtu.members")?.value).toBe("5800");
  });

  it("a decompression bomb is refused with the limit, and nothing changes", async () => {
    const h = harness({ name: "bomb.xlsx", bytes: whitespaceBomb(300) });
    const before = activeEntry(h.state()).scenario;
    await importAssumptionsFile(h.ctx);
    expect(h.state().notice?.kind).toBe("error");
    expect(h.state().notice?.details?.[0]).toMatch(/^bomb\.xlsx: unpacks to 300 MB or more .* the limit for a workbook is 20 MB/);
    expect(activeEntry(h.state()).scenario).toBe(before);
  });

  it("if the scenario is edited while the file is read, the import is refused rather than losing the edit", async () => {
    const h = harness({ name: "members.xlsx", bytes: inputs([["groups.wtu.members", 5800]]) });
    const pending = importAssumptionsFile(h.ctx);
    // The edit lands while the job runs (the fallback waits a frame before it starts).
    await new Promise((r) => setTimeout(r, 0));
    h.ctx.dispatch({ type: "edit", edits: [{ path: "groups.wtu.averageSalary", text: "110000" }] });
    await pending;
    expect(h.state().notice?.text).toContain("the scenario changed while the file was read");
    expect(getInput(activeEntry(h.state()).scenario, "groups.wtu.averageSalary")?.value).toBe("110000");
    expect(getInput(activeEntry(h.state()).scenario, "groups.wtu.members")?.value).toBe("5776");
  });
});
