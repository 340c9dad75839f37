/**
 * The cost lines a fund line takes its part of, each with the sign it enters with. The engine, the
 * fast path and the workbook each split these lines by fund shares in their own medium (exact
 * cells, tape registers, formulas); walking the lines in one place keeps the three on the same
 * lines with the same signs.
 */
import { lineKind, type TableLine } from "./schema";

type Sign = 1 | -1;

export interface FundTerm {
  lineId: string;
  sign: Sign;
}

const opposite = (sign: Sign): Sign => (sign === 1 ? -1 : 1);

/**
 * A fund line names cost lines or sums of them (checkLines refuses any other line). A sum's lines
 * enter with its sign and its `minus` lines with the opposite one; a cost line shown negated enters
 * flipped, as it enters sums. A line reached twice counts twice, as a sum would count it.
 *
 * `expand` gives the lines a cost line stands for: the schedule method's step and turnover lines
 * are results, not table lines, so only the caller knows them.
 */
export function fundTerms(
  lines: ReadonlyMap<string, TableLine>,
  fundLine: TableLine,
  expand: (id: string) => readonly string[] = (id) => [id],
): FundTerm[] {
  const terms: FundTerm[] = [];
  const visit = (id: string, sign: Sign) => {
    const line = lines.get(id);
    if (line && lineKind(line) === "sum") {
      for (const r of line.sum!) visit(r, sign);
      for (const r of line.minus ?? []) visit(r, opposite(sign));
    } else {
      const shown = line?.negate ? opposite(sign) : sign;
      for (const e of expand(id)) terms.push({ lineId: e, sign: shown });
    }
  };
  for (const id of fundLine.fund?.of ?? []) visit(id, 1);
  return terms;
}
