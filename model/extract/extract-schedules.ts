/**
 * Regenerates model/engine/schedule/data/{et15,eg09}.json from the source text.
 *
 *   npx tsx model/extract/extract-schedules.ts et15 < /work/shared/source/004_8d675becaf0e1477.txt > model/engine/schedule/data/et15.json
 *   npx tsx model/extract/extract-schedules.ts eg09 < /work/shared/source/004_8d675becaf0e1477.txt > model/engine/schedule/data/eg09.json
 *
 * Uses only the stdin/stdout of the process (no node: imports, so model/ stays free of them); the parsing is
 * the pure parse-source.ts. test/schedule/extraction.test.ts checks the committed JSON equals a fresh parse.
 */
import { parseEg09, parseEt15 } from "./parse-source";
import { withNotes } from "./notes";

declare const process: {
  argv: string[];
  stdin: { setEncoding(e: string): void; on(ev: string, cb: (chunk?: string) => void): void };
  stdout: { write(s: string): void };
};

let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  text += chunk ?? "";
});
process.stdin.on("end", () => {
  const which = process.argv[2];
  const file = which === "eg09" ? parseEg09(text) : which === "et15" ? parseEt15(text) : null;
  if (file === null) throw new Error("usage: extract-schedules.ts et15|eg09 < source.txt");
  process.stdout.write(JSON.stringify(withNotes(file), null, 1) + "\n");
});
