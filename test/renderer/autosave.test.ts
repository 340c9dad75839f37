/**
 * The autosave document (renderer/state/autosave.ts): while a recovery offer is unanswered, the
 * offered work rides along with this window's work, unchanged and even when unreadable, and the
 * slot is never cleared; once answered, the autosave is exactly this window's user scenarios.
 */
import { describe, expect, it } from "vitest";
import { setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { autosaveContent, autosaveDocument, parseAutosave, type CarriedWork } from "../../renderer/state/autosave";
import { initialState, reducer, type AppState } from "../../renderer/state/store";

const RAISE = "items.baseSalary.steps.2025-10-01.amount";
const morning = { ...setInputValue(fisAsPublished(), RAISE, "0.05"), id: "m", name: "Morning work" };
const edited = (): AppState => reducer(initialState(), { type: "edit", edits: [{ path: RAISE, text: "4%" }] });

describe("the autosave document", () => {
  it("an offer carries itself and what it carried; a write made meanwhile holds both, and parses back into both", () => {
    const first = parseAutosave(autosaveDocument([morning]), "2026-01-02T09:15:00.000Z");
    if (!first.ok) throw new Error(first.error);
    expect(first.carry).toEqual([{ savedAt: "2026-01-02T09:15:00.000Z", scenarios: [morning] }]);

    const content = autosaveContent(edited(), first.carry);
    if (content.kind !== "write") throw new Error(content.kind);
    const second = parseAutosave(content.text, "2026-01-02T10:00:00.000Z");
    if (!second.ok) throw new Error(second.error);
    expect(second.scenarios.map((s) => s.name)).toEqual(["FIS as published (copy)"]);
    expect(second.earlier.map((g) => [g.savedAt, g.scenarios.map((s) => s.name)])).toEqual([
      ["2026-01-02T09:15:00.000Z", ["Morning work"]],
    ]);
    // A third session that also ignores the banner keeps all three sets.
    expect(second.carry.map((g) => g.savedAt)).toEqual(["2026-01-02T10:00:00.000Z", "2026-01-02T09:15:00.000Z"]);
  });

  it("without unsaved work of its own, the window leaves an offered autosave alone; with no offer it clears it", () => {
    const carry: CarriedWork[] = [{ savedAt: "t", scenarios: [morning] }];
    expect(autosaveContent(initialState(), carry)).toEqual({ kind: "keep" });
    expect(autosaveContent(initialState(), null)).toEqual({ kind: "clear" });
    const content = autosaveContent(edited(), null);
    expect(content.kind === "write" && JSON.parse(content.text)).toEqual({
      version: 1,
      scenarios: [expect.objectContaining({ name: "FIS as published (copy)" })],
    });
  });

  it("an autosave that cannot be read is carried as its text, so only Discard deletes it", () => {
    const broken = parseAutosave("{not json", "2026-01-02T09:15:00.000Z");
    expect(broken.ok).toBe(false);
    const content = autosaveContent(edited(), broken.carry);
    if (content.kind !== "write") throw new Error(content.kind);
    const back = parseAutosave(content.text, "later");
    if (!back.ok) throw new Error(back.error);
    expect(back.carry.at(-1)).toEqual({ savedAt: "2026-01-02T09:15:00.000Z", scenarios: [], unreadable: "{not json" });
  });

  it("an offer whose own scenarios no longer validate still carries them, as they were", () => {
    const bad = { ...morning, name: "" };
    const parsed = parseAutosave(autosaveDocument([bad]), "t");
    expect(parsed.ok).toBe(false);
    expect(parsed.carry).toEqual([{ savedAt: "t", scenarios: [bad] }]);
  });

  it("recovering into a window that already has a scenario of that name keeps both, under distinct names", () => {
    const s = reducer(edited(), { type: "recovered", scenarios: [{ ...fisAsPublished(), name: "FIS as published (copy)" }] });
    expect(s.entries.filter((e) => !e.builtIn).map((e) => e.scenario.name)).toEqual([
      "FIS as published (copy)",
      "FIS as published (copy) 2",
    ]);
  });
});
