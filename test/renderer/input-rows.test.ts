import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { setInputValue } from "../../model/engine/scenario/paths";
import { inputRows, reuseUnchangedRows } from "../../renderer/grid/InputsGrid";

const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";

describe("reuseUnchangedRows", () => {
  it("keeps every row object but the edited one, so the grid redraws one row", () => {
    const base = fisAsPublished();
    const before = inputRows(base, base, () => undefined);
    const edited = setInputValue(base, FY2026_RAISE, "0.04");
    const after = reuseUnchangedRows(
      before,
      inputRows(edited, base, () => undefined),
    );
    const changed = after.filter((r, i) => r !== before[i]).map((r) => r.path);
    expect(changed).toEqual([FY2026_RAISE]);
    const row = after.find((r) => r.path === FY2026_RAISE)!;
    expect([row.value, row.edited, row.sourceKind]).toEqual(["0.04", true, "user"]);
  });

  it("a new error on a row is a change; rows are new when nothing came before", () => {
    const base = fisAsPublished();
    const before = reuseUnchangedRows(
      [],
      inputRows(base, base, () => undefined),
    );
    const error = { text: "abc", message: "not a number" } as never;
    const after = reuseUnchangedRows(
      before,
      inputRows(base, base, (p) => (p === FY2026_RAISE ? error : undefined)),
    );
    expect(after.filter((r, i) => r !== before[i]).map((r) => r.path)).toEqual([FY2026_RAISE]);
  });
});
