/**
 * Clipboard text from Excel (tab-separated columns, newline-separated rows) -> the values to put
 * down one column. Only the first column of each copied row is used: the grid has one value column.
 */
export function pastedColumn(text: string): string[] {
  const rows = text.replace(/\r\n?/g, "\n").split("\n");
  // Excel ends a copied range with a newline; that trailing empty row is not a value.
  while (rows.length > 0 && rows[rows.length - 1]!.trim() === "") rows.pop();
  return rows.map((r) => (r.split("\t")[0] ?? "").trim());
}
