import { describe, expect, it } from "vitest";
import type { PlatformApi, PlatformResult } from "../../electron/ipc/contract";
import { fisAsPublished } from "../../model/built-ins";
import { parseScenarioJson, serializeScenario } from "../../model/engine/scenario/schema";
import { getInput, setInputValue } from "../../model/engine/scenario/paths";
import { pastedColumn } from "../../renderer/grid/paste";
import { openScenario, saveScenario, type FileCommandContext } from "../../renderer/state/file-commands";
import { activeEntry, initialState, reducer, type Action, type AppState } from "../../renderer/state/store";

const ok = <T>(value: T): PlatformResult<T> => ({ ok: true, value });

function harness(overrides: Partial<PlatformApi>): { ctx: FileCommandContext; state: () => AppState; saved: string[] } {
  let state = initialState();
  const saved: string[] = [];
  const platform = {
    kind: "browser",
    openScenarioFile: async () => ok(null),
    saveScenarioFile: async (req) => {
      saved.push(req.text);
      return ok({ token: req.token ?? "t".repeat(32), name: req.suggestedName });
    },
    ...overrides,
  } as PlatformApi;
  const dispatch = (a: Action) => void (state = reducer(state, a));
  return { ctx: { platform, getState: () => state, dispatch }, state: () => state, saved };
}

describe("file commands", () => {
  it("open adds the scenario and makes it active", async () => {
    const s = { ...fisAsPublished(), name: "From disk" };
    const h = harness({ openScenarioFile: async () => ok({ token: "a".repeat(32), name: "disk.json", text: serializeScenario(s) }) });
    await openScenario(h.ctx);
    expect(activeEntry(h.state()).scenario.name).toBe("From disk");
    expect(activeEntry(h.state()).file?.name).toBe("disk.json");
  });

  it("a bad file is refused with file and field, and the current work is untouched", async () => {
    const bad = JSON.stringify(setInputValue(fisAsPublished(), "table.lines.localPortion.rate", "lots"));
    const h = harness({ openScenarioFile: async () => ok({ token: "a".repeat(32), name: "bad.json", text: bad }) });
    const before = h.state();
    await openScenario(h.ctx);
    expect(h.state().entries).toBe(before.entries);
    expect(h.state().notice?.kind).toBe("error");
    expect(h.state().notice?.details?.[0]).toContain("bad.json");
    expect(h.state().notice?.details?.join("\n")).toContain("table.lines.localPortion.rate");
  });

  it("a lone UTF-16 surrogate is refused when the app opens the file, as on the command line, naming field and character", async () => {
    const text = serializeScenario(fisAsPublished()).replace('"label": "Base salary increases"', '"label": "Sal\\udc00aries"');
    const h = harness({ openScenarioFile: async () => ok({ token: "a".repeat(32), name: "surrogate.json", text }) });
    const before = h.state();
    await openScenario(h.ctx);
    expect(h.state().entries).toBe(before.entries);
    expect(h.state().notice?.details?.join("\n")).toContain("items.baseSalary.label: has a lone UTF-16 surrogate (\\udc00) at character 4");
  });

  it("a platform error is shown, not thrown", async () => {
    const h = harness({ openScenarioFile: async () => ({ ok: false, error: "disk on fire" }) });
    await openScenario(h.ctx);
    expect(h.state().notice?.text).toBe("Open failed: disk on fire");
  });

  it("save writes the serialized scenario, remembers the file and clears dirty", async () => {
    const h = harness({});
    h.ctx.dispatch({ type: "edit", edits: [{ path: "table.lines.localPortion.rate", text: "99%" }] });
    expect(activeEntry(h.state()).dirty).toBe(true);
    await saveScenario(h.ctx, false);
    const e = activeEntry(h.state());
    expect(e.dirty).toBe(false);
    expect(e.file?.name).toBe("FIS as published (copy).json");
    const back = parseScenarioJson(h.saved[0]!);
    expect(back.ok && getInput(back.value, "table.lines.localPortion.rate")!.value).toBe("0.99");
  });
});

describe("pastedColumn", () => {
  it("takes the first column of each copied row and drops Excel's trailing newline", () => {
    expect(pastedColumn("2%\tx\r\n3%\r\n")).toEqual(["2%", "3%"]);
    expect(pastedColumn("1,200\n\n5")).toEqual(["1,200", "", "5"]);
    expect(pastedColumn("")).toEqual([]);
  });
});

describe("saving over a read-only file", () => {
  const readOnly = { token: "r".repeat(32), name: "locked.json" };
  function lockedPlatform(calls: Parameters<PlatformApi["saveScenarioFile"]>[0][]): Partial<PlatformApi> {
    return {
      saveScenarioFile: async (req) => {
        calls.push(req);
        if (!req.overwriteReadOnly)
          return { ok: false, error: '"locked.json" is read-only. Overwrite it anyway, or use Save As?', readOnly };
        return ok({ token: req.token!, name: "locked.json" });
      },
    };
  }

  it("asks, and overwrites only after the user chose Overwrite, with the token the refusal named", async () => {
    const calls: Parameters<PlatformApi["saveScenarioFile"]>[0][] = [];
    const h = harness(lockedPlatform(calls));
    const questions: string[] = [];
    h.ctx.ask = async (q) => (questions.push(`${q.text} [${q.choices.map((c) => c.label).join("|")}]`), "overwrite");
    h.ctx.dispatch({ type: "edit", edits: [{ path: "table.lines.localPortion.rate", text: "99%" }] });
    await saveScenario(h.ctx, false);
    expect(questions).toEqual([
      '"locked.json" is read-only. Replace it with "FIS as published (copy)" anyway? It stays read-only afterwards.' +
        " [Overwrite|Save As…|Cancel]",
    ]);
    expect(calls.map((c) => [c.token, c.overwriteReadOnly])).toEqual([
      [undefined, undefined],
      [readOnly.token, true],
    ]);
    expect(activeEntry(h.state()).dirty).toBe(false);
  });

  it("Cancel leaves the file alone and the scenario unsaved, and says so", async () => {
    const calls: Parameters<PlatformApi["saveScenarioFile"]>[0][] = [];
    const h = harness(lockedPlatform(calls));
    h.ctx.ask = async () => "cancel";
    h.ctx.dispatch({ type: "edit", edits: [{ path: "table.lines.localPortion.rate", text: "99%" }] });
    await saveScenario(h.ctx, false);
    expect(calls).toHaveLength(1);
    expect(activeEntry(h.state()).dirty).toBe(true);
    expect(h.state().notice?.text).toBe('Not saved: "locked.json" is read-only and was left as it is.');
  });

  it("without a way to ask, the refusal is shown and nothing is overwritten", async () => {
    const calls: Parameters<PlatformApi["saveScenarioFile"]>[0][] = [];
    const h = harness(lockedPlatform(calls));
    await saveScenario(h.ctx, false);
    expect(calls).toHaveLength(1);
    expect(h.state().notice?.text).toContain("is read-only");
  });
});
