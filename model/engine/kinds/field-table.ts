/** Every field's unit and range as a Markdown table, from the field specs themselves (the scenario guide embeds it). */
import { rangeText, type FieldSpec } from "../fields";
import { GROUP_FIELDS } from "../scenario/groups";
import { SCHEDULE_FIELDS } from "../schedule/method";
import { LINE_FIELDS } from "../table/schema";
import { ITEM_FUND_SHARE } from "./common";
import { DEFAULT_REGISTRY, type Registry } from "./registry";

export function unitsAndRangesMarkdown(registry: Registry = DEFAULT_REGISTRY): string {
  const rows: [string, string, FieldSpec][] = [
    ...Object.entries(GROUP_FIELDS).map(([k, f]): [string, string, FieldSpec] => ["group", k, f]),
    ...registry.flatMap((kind) =>
      Object.entries(kind.fieldSpecs).map(([k, f]): [string, string, FieldSpec] => [`item: ${kind.kind}`, k, f]),
    ),
    ["item (any kind)", "fundShares.<fund>", ITEM_FUND_SHARE],
    ["table line: share", "rate", LINE_FIELDS.shareRate],
    ["table line: amounts", "amounts.<FY>", LINE_FIELDS.amount],
    ...Object.entries(SCHEDULE_FIELDS).map(([k, f]): [string, string, FieldSpec] => ["scheduleMethod", k, f]),
  ];
  const cell = (t: string) => t.replace(/\|/g, "\\|");
  return [
    "| where | field | unit | allowed range | what it is |",
    "|---|---|---|---|---|",
    ...rows.map(([where, key, f]) => `| ${where} | \`${key}\` | ${f.unit} | ${rangeText(f)} | ${cell(f.help)} |`),
  ].join("\n");
}
