/** Writes docs/scenario.schema.json from the zod schema: `npm run schema`. */
import { writeFileSync } from "node:fs";
import { scenarioJsonSchemaText } from "../engine/index";

writeFileSync(new URL("../../docs/scenario.schema.json", import.meta.url), scenarioJsonSchemaText());
process.stdout.write("wrote docs/scenario.schema.json\n");
