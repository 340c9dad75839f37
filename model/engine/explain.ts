/**
 * Every computed number carries one of these: what it is, how it was computed, from what.
 * Leaves are inputs (with their source); inner nodes are intermediate results.
 */
export type SourceKind = "contract" | "fis" | "document" | "calibrated" | "assumed" | "derived" | "user";

export interface Source {
  kind: SourceKind;
  /** Where the value comes from, e.g. "Art. 36.2.1", "FIS p.3", "calibrated". */
  ref: string;
  /** Why, when it is calibrated or assumed; free text otherwise. */
  note?: string;
}

export interface Explanation {
  label: string;
  /** Exact value as a decimal string (unrounded). */
  value: string;
  unit: string;
  /** The formula in words, e.g. "members x average salary x (cumulative raise factor - 1)". */
  formula?: string;
  /** The same formula in symbols with the numbers substituted. */
  symbols?: string;
  /** Present on leaves that are scenario inputs: the input's path, so a UI can jump to its row. */
  inputPath?: string;
  source?: Source;
  /** Set on a child that its parent subtracts (a sum line's "minus" lines): parent = sum of the others - this. */
  subtracted?: boolean;
  children: Explanation[];
}

export function leaf(label: string, value: string, unit: string, inputPath: string | undefined, source: Source | undefined): Explanation {
  return { label, value, unit, inputPath, source, children: [] };
}

/** Renders an explanation tree as indented text for the command line. */
export function formatExplanation(node: Explanation, indent = ""): string {
  const src = node.source
    ? `  [${node.source.kind === "calibrated" ? "CALIBRATED" : node.source.ref}${node.source.note ? `: ${node.source.note}` : ""}]`
    : "";
  const path = node.inputPath ? `  (input ${node.inputPath})` : "";
  const lines = [`${indent}${node.subtracted ? "minus " : ""}${node.label} = ${node.value} ${node.unit}${path}${src}`];
  if (node.formula) lines.push(`${indent}  formula: ${node.formula}`);
  if (node.symbols) lines.push(`${indent}  = ${node.symbols}`);
  for (const child of node.children) lines.push(formatExplanation(child, indent + "    "));
  return lines.join("\n");
}
