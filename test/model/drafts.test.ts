/** Drafts: a scenario with inputs to fill is checked in full with its blanks set aside, and its blanks stay empty. */
import { describe, expect, it } from "vitest";
import { formatInputError, parseDraftJson, validateDraft } from "../../model/engine";
import { templateById } from "../../model/templates/index";

const json = () => JSON.parse(JSON.stringify(templateById("state-fiscal-note")!.json)) as Record<string, unknown>;

describe("drafts", () => {
  it("keeps the blanks empty and lists them by path and label", () => {
    const r = validateDraft(json());
    expect(r.ok && r.toFill).toEqual([
      { path: "groups.employees.members", label: "Positions covered (headcount or FTE)" },
      { path: "items.raise.steps.2026-07-01.amount", label: "Salary increase per position" },
    ]);
    expect(r.ok && r.value.groups[0]!.members!.value).toBe("");
  });
  it("still reports every other problem of the file, by path (a typo is not hidden by the blanks)", () => {
    const s = json();
    (s.table as { lines: Record<string, unknown>[] }).lines[1]!.lable = "x";
    const r = validateDraft(s);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map(formatInputError).join("\n")).toMatch(
      /table\.lines\.personalServices\.lable: unknown key "lable"; did you mean "label"\?/,
    );
  });
  it("a blank whose field needs at least 1 (the periods of a year) still checks", () => {
    const s = json();
    const step = (s.items as { steps: Record<string, unknown>[] }[])[0]!.steps[0]!;
    step.periodsPaid = {
      count: { value: "", label: "Payrolls paid", source: { kind: "document", ref: "" } },
      perYear: { value: "", label: "Payrolls a year", source: { kind: "document", ref: "" } },
    };
    const r = validateDraft(s);
    expect(r.ok, r.ok ? "" : r.errors.map(formatInputError).join("\n")).toBe(true);
    expect(r.ok && r.toFill.map((t) => t.path)).toContain("items.raise.steps.2026-07-01.periodsPaid.perYear");
  });
  it("parseDraftJson reads a complete file as a plain scenario with nothing to fill", () => {
    const s = json();
    (s.groups as { members: { value: string } }[])[0]!.members.value = "5";
    (s.items as { steps: { amount: { value: string } }[] }[])[0]!.steps[0]!.amount.value = "100";
    const r = parseDraftJson(JSON.stringify(s));
    expect(r.ok && r.toFill).toEqual([]);
  });
});
