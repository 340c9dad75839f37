/**
 * The inputs a new agreement still needs ("12 inputs to fill"), each a button that jumps to its
 * row on the Inputs tab. Shown above the inputs grid, and in place of the table, charts, comparison
 * and analyses, which are costed only once every input is filled.
 */
import type { InputToFill } from "../../model/engine";

export function ToFillList({
  toFill,
  onJump,
  where,
}: {
  toFill: InputToFill[];
  onJump: (path: string) => void;
  where: "inputs" | "elsewhere";
}) {
  const count = `${toFill.length} input${toFill.length === 1 ? "" : "s"} to fill`;
  return (
    <section className="to-fill" aria-labelledby="to-fill-title" data-testid="to-fill">
      <h2 id="to-fill-title">
        <span data-testid="to-fill-count">{count}</span>
        {where === "elsewhere"
          ? ": this scenario is costed once every input is filled in on the Inputs tab."
          : " before the table is costed."}
      </h2>
      <ul>
        {toFill.map((t) => (
          <li key={t.path}>
            <button type="button" className="link" onClick={() => onJump(t.path)} title={t.path}>
              {t.label}
            </button>{" "}
            <code className="muted small">{t.path}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
