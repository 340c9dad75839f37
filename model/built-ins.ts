/**
 * The built-in scenarios are plain scenario files in examples/ (bundled by importing the JSON):
 * the DC CFO's Fiscal Impact Statement for the DCPS / Washington Teachers' Union agreement as
 * published (calibrated, 45/45 cells) and with the contract's terms as stated.
 */
import contractAsStatedJson from "../examples/dc-dcps-wtu-2023/contract-as-stated.json";
import fisAsPublishedJson from "../examples/dc-dcps-wtu-2023/fis-as-published.json";
import { formatInputError, validateScenario, type Scenario } from "./engine/index";

function load(json: unknown, file: string): () => Scenario {
  let checked: Scenario | undefined;
  return () => {
    if (!checked) {
      const r = validateScenario(json, file);
      if (!r.ok) throw new Error(`built-in scenario ${file} is invalid:\n${r.errors.map(formatInputError).join("\n")}`);
      checked = r.value;
    }
    return structuredClone(checked);
  };
}

export const fisAsPublished = load(fisAsPublishedJson, "examples/dc-dcps-wtu-2023/fis-as-published.json");
export const contractAsStated = load(contractAsStatedJson, "examples/dc-dcps-wtu-2023/contract-as-stated.json");
export const builtInScenarios = (): Scenario[] => [fisAsPublished(), contractAsStated()];
export const BUILT_IN_IDS: Record<string, () => Scenario> = { "fis-as-published": fisAsPublished, "contract-as-stated": contractAsStated };
