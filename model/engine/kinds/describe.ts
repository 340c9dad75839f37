/** What each item provides, one sentence each, by its kind's module (for a document generator and the CLI). */
import type { ScenarioBase } from "../scenario/base";
import type { ItemBase, Provision } from "./kind";
import { DEFAULT_REGISTRY, kindIndex, type Registry } from "./registry";

export function describeItems(scenario: ScenarioBase, registry: Registry = DEFAULT_REGISTRY): { id: string; text: string }[] {
  const kinds = kindIndex(registry);
  return scenario.items.map((item) => ({ id: item.id, text: kinds.get(item.kind)?.describe(item, scenario) ?? `${item.label}.` }));
}

/** An item's provisions as its kind writes them for a document, else its one sentence with no points. */
export function provisionOf(item: ItemBase, scenario: ScenarioBase, registry: Registry = DEFAULT_REGISTRY): Provision & { title: string } {
  const kind = kindIndex(registry).get(item.kind);
  const title = kind?.title ?? item.kind;
  if (kind?.provision) return { title, ...kind.provision(item, scenario) };
  return { title, text: kind?.describe(item, scenario) ?? `${item.label}.`, points: [] };
}
