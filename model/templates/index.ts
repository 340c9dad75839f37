/**
 * The templates a new agreement starts from: plain scenario files in this folder whose inputs to
 * fill are written with an empty value. Adding a template is adding a JSON file and a line here.
 */
import cityCouncilCosting from "./city-council-costing.json";
import dcFis from "./dc-fis.json";
import stateFiscalNote from "./state-fiscal-note.json";
import { formatInputError, validateDraft, type InputToFill, type Scenario } from "../engine/index";

export interface Template {
  /** The name `fis init --template` takes. */
  id: string;
  title: string;
  description: string;
  /** The template as a checked draft: its inputs to fill are empty. */
  scenario: () => Scenario;
  toFill: () => InputToFill[];
  /** The file text as shipped. */
  json: unknown;
}

function template(id: string, json: unknown): Template {
  let checked: { value: Scenario; toFill: InputToFill[] } | undefined;
  const load = () => {
    if (!checked) {
      const r = validateDraft(json, `model/templates/${id}.json`);
      if (!r.ok) throw new Error(`template ${id} is invalid:\n${r.errors.map(formatInputError).join("\n")}`);
      checked = r;
    }
    return checked;
  };
  const s = json as { name: string; description: string };
  return {
    id,
    title: s.name,
    description: s.description,
    scenario: () => structuredClone(load().value),
    toFill: () => load().toFill,
    json,
  };
}

export const TEMPLATES: readonly Template[] = [
  template("dc-fis", dcFis),
  template("state-fiscal-note", stateFiscalNote),
  template("city-council-costing", cityCouncilCosting),
];

export const templateById = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id);
