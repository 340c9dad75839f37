/**
 * "Where does this number come from", at a glance: the selected cell's breakdown first (the parts
 * it is the sum of, in the table's unit, with their shares; or the inputs of its formula), each
 * calibration and assumption stated once, then the whole explanation tree, collapsed. Inputs are
 * links to their row in the inputs grid. "Copy as text" puts all of it on the clipboard for a memo.
 */
import { useMemo } from "react";
import { breakdownOf, partsTotal, type Breakdown } from "../../model/engine/explain-breakdown";
import type { Explanation, Source } from "../../model/engine/explain";
import { THOUSANDS, amountInWords, money, unitWords, type DisplayUnits } from "../format/number";
import { writeToClipboard } from "../grid/clipboard";
import { announce } from "./LiveRegions";
import {
  explanationAsText,
  inputValueText,
  nodeValueText,
  noteNumbers,
  partAmountText,
  shareText,
  sourceText,
  type ExplainedCell,
} from "./explain-text";

type Numbers = Map<string, number>;

function SourceTag({ source, numbers }: { source?: Source; numbers: Numbers }) {
  if (!source) return null;
  const cls = source.kind === "calibrated" ? "tag tag-calibrated" : source.kind === "user" ? "tag tag-user" : "tag";
  return (
    <span className={cls} title={source.note}>
      {sourceText(source, numbers)}
    </span>
  );
}

/** A label, as a link to the input's row when the node is an input. */
function Label({ node, label, onJump }: { node: Explanation; label?: string; onJump: (path: string) => void }) {
  if (!node.inputPath) return <span className="explain-label">{label ?? node.label}</span>;
  return (
    <button
      type="button"
      className="link"
      data-testid="explain-input"
      data-path={node.inputPath}
      onClick={() => onJump(node.inputPath!)}
      title="Show this input in the Inputs grid"
    >
      {label ?? node.label}
    </button>
  );
}

function Node({ node, depth, numbers, onJump }: { node: Explanation; depth: number; numbers: Numbers; onJump: (path: string) => void }) {
  const head = (
    <span className="explain-head">
      {node.subtracted && <span className="muted">minus </span>}
      <Label node={node} onJump={onJump} />
      <span className="explain-value">= {nodeValueText(node)}</span>
      <SourceTag source={node.source} numbers={numbers} />
    </span>
  );
  const body = (
    <>
      {node.formula && <div className="explain-formula">{node.formula}</div>}
      {node.symbols && <div className="explain-symbols">= {node.symbols}</div>}
    </>
  );
  if (node.children.length === 0)
    return (
      <li className="explain-leaf">
        {head}
        {body}
      </li>
    );
  return (
    <li>
      <details open={depth < 1}>
        <summary>{head}</summary>
        {body}
        <ul>
          {node.children.map((c, i) => (
            <Node key={i} node={c} depth={depth + 1} numbers={numbers} onJump={onJump} />
          ))}
        </ul>
      </details>
    </li>
  );
}

function Glance({ b, units, numbers, onJump }: { b: Breakdown; units: DisplayUnits; numbers: Numbers; onJump: (path: string) => void }) {
  if (b.kind === "sum")
    return (
      <>
        <p className="explain-how">The sum of {b.parts.length} parts:</p>
        <table className="explain-parts" data-testid="explain-parts">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" className="num">
                {unitWords(units)}
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {b.parts.map((p, i) => (
              <tr key={i} data-testid="explain-part">
                <th scope="row">
                  <Label node={p.node} label={p.label} onJump={onJump} />
                  {p.node.source && <SourceTag source={p.node.source} numbers={numbers} />}
                </th>
                <td className="num">{partAmountText(p.value, units)}</td>
                <td className="num">{p.share ? shareText(p.share) : "n/a"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="explain-parts-total">
              <th scope="row">Total</th>
              <td className="num" data-testid="explain-parts-total">
                {partAmountText(partsTotal(b).toString(), units)}
              </td>
              <td className="num">{b.parts.some((p) => p.share) ? "100.0%" : "n/a"}</td>
            </tr>
          </tfoot>
        </table>
        {b.alongside.length > 0 && (
          <ul className="explain-alongside small">
            {b.alongside.map((e, i) => (
              <li key={i}>
                With <Label node={e} onJump={onJump} />: {nodeValueText(e)} <SourceTag source={e.source} numbers={numbers} />
              </li>
            ))}
          </ul>
        )}
      </>
    );
  return (
    <>
      <p className="explain-how">
        Computed as <span className="explain-formula-inline">{b.formula ?? "shown below"}</span>
        {b.symbols && <span className="explain-symbols">= {b.symbols}</span>}
      </p>
      {b.parts.length > 0 && (
        <table className="explain-parts" data-testid="explain-inputs">
          <tbody>
            {b.parts.map((p, i) => (
              <tr key={i} data-testid="explain-part">
                <th scope="row">
                  {p.node.subtracted && <span className="muted">minus </span>}
                  <Label node={p.node} onJump={onJump} />
                </th>
                <td className="num">{inputValueText(p.node, units)}</td>
                <td>
                  <SourceTag source={p.node.source} numbers={numbers} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * A drawer: absent while nothing is selected (the table gets the width), open on a selection,
 * closed with its button or Escape (focus then returns to the "Show explanation" button).
 */
export function ExplainPanel({
  cell,
  title,
  units = THOUSANDS,
  onJump,
  onClose,
}: {
  cell: ExplainedCell | undefined;
  title: string;
  units?: DisplayUnits;
  onJump: (path: string) => void;
  onClose?: () => void;
}) {
  const explanation = cell?.explanation;
  const b = useMemo(() => (explanation ? breakdownOf(explanation) : null), [explanation]);
  if (!cell || !b) return null;
  const numbers = noteNumbers(b.notes);
  const copy = () =>
    void writeToClipboard({ "text/plain": explanationAsText(title, cell, units) }).then((ok) =>
      announce(ok ? `Copied the explanation of ${title} as text.` : "Could not copy the explanation.", ok ? "polite" : "assertive"),
    );
  return (
    <aside
      className="explain"
      id="explain-drawer"
      data-testid="explain-panel"
      aria-label={`Where ${title} comes from`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && onClose) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="explain-top">
        <h2 className="explain-title">
          {title}: {amountInWords(cell.display, units)}
        </h2>
        <button
          type="button"
          className="small"
          data-testid="explain-copy"
          onClick={copy}
          title="Copy the breakdown and the whole explanation as plain text"
        >
          Copy as text
        </button>
        {onClose && (
          <button type="button" className="explain-close" aria-label="Close the explanation" data-testid="explain-close" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div className="muted small">Unrounded: {money(cell.exact.toString(), { decimals: 2 })}</div>
      <section className="explain-glance" data-testid="explain-glance" aria-label="At a glance">
        <Glance b={b} units={units} numbers={numbers} onJump={onJump} />
      </section>
      {b.notes.length > 0 && (
        <section className="explain-notes small" data-testid="explain-notes" aria-label="Calibrations and assumptions">
          <h3>Calibrations and assumptions</h3>
          <ol>
            {b.notes.map((n) => (
              <li key={n.n} value={n.n} data-testid="explain-note">
                <span className={n.kind === "calibrated" ? "tag tag-calibrated" : "tag"}>{n.kind}</span>
                {n.ref && n.ref.toLowerCase() !== n.kind ? <span className="muted"> {n.ref}:</span> : null} {n.note}
              </li>
            ))}
          </ol>
        </section>
      )}
      <details className="explain-full" data-testid="explain-tree">
        <summary>How it is computed, step by step</summary>
        <ul className="explain-tree">
          <Node node={cell.explanation} depth={0} numbers={numbers} onJump={onJump} />
        </ul>
      </details>
    </aside>
  );
}
