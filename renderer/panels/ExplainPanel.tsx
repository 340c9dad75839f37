/**
 * "Where does this number come from": the selected cell's Explanation as a tree. Inputs (leaves
 * with an inputPath) are links to their row in the inputs grid; calibrated sources are flagged.
 */
import type { Explanation } from "../../model/engine/explain";
import type { Cell } from "../../model/engine/compute";
import { explanationValueText } from "../format/money";
import { amountInWords } from "../format/number";

function SourceTag({ node }: { node: Explanation }) {
  const s = node.source;
  if (!s) return null;
  if (s.kind === "calibrated")
    return (
      <span className="tag tag-calibrated" title={s.note}>
        calibrated{s.note ? `: ${s.note}` : ""}
      </span>
    );
  if (s.kind === "user")
    return (
      <span className="tag tag-user" title={s.note}>
        edited{s.note ? ` (${s.note})` : ""}
      </span>
    );
  return (
    <span className="tag" title={s.note}>
      {s.ref}
      {s.note ? ` · ${s.note}` : ""}
    </span>
  );
}

function Node({ node, depth, onJump }: { node: Explanation; depth: number; onJump: (path: string) => void }) {
  const head = (
    <span className="explain-head">
      {node.inputPath ? (
        <button
          type="button"
          className="link"
          data-testid="explain-input"
          data-path={node.inputPath}
          onClick={() => onJump(node.inputPath!)}
          title="Show this input in the Inputs grid"
        >
          {node.label}
        </button>
      ) : (
        <span className="explain-label">{node.label}</span>
      )}
      <span className="explain-value">= {explanationValueText(node.value, node.unit)}</span>
      {node.unit !== "USD" && <span className="muted"> {node.unit}</span>}
      <SourceTag node={node} />
    </span>
  );
  const body = (
    <>
      {node.formula && <div className="explain-formula">{node.formula}</div>}
      {node.symbols && <div className="explain-symbols">= {node.symbols}</div>}
    </>
  );
  if (node.children.length === 0) {
    return (
      <li className="explain-leaf">
        {head}
        {body}
      </li>
    );
  }
  return (
    <li>
      <details open={depth < 2}>
        <summary>{head}</summary>
        {body}
        <ul>
          {node.children.map((c, i) => (
            <Node key={i} node={c} depth={depth + 1} onJump={onJump} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/**
 * A drawer: absent while nothing is selected (the table gets the width), open on a selection,
 * closed with its button or Escape (focus then returns to the "Show explanation" button).
 */
export function ExplainPanel({
  cell,
  title,
  onJump,
  onClose,
}: {
  cell: Cell | undefined;
  title: string;
  onJump: (path: string) => void;
  onClose?: () => void;
}) {
  if (!cell) return null;
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
          {title}: {amountInWords(cell.display)}
        </h2>
        {onClose && (
          <button type="button" className="explain-close" aria-label="Close the explanation" data-testid="explain-close" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div className="muted small">Unrounded: {explanationValueText(cell.exact.toString(), "USD")}</div>
      <ul className="explain-tree">
        <Node node={cell.explanation} depth={0} onJump={onJump} />
      </ul>
    </aside>
  );
}
