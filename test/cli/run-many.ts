/**
 * Runs the CLI's main() once per argument list given as JSON on argv[2], capturing each run's exit
 * code, stdout and stderr, so one child process checks many invocations (each as a user runs it).
 */
import { main } from "../../model/cli/fis";

const runs = JSON.parse(process.argv[2]!) as string[][];
const results: { code: number; stdout: string; stderr: string }[] = [];
const out = process.stdout.write.bind(process.stdout);
const err = process.stderr.write.bind(process.stderr);
for (const argv of runs) {
  let stdout = "";
  let stderr = "";
  process.stdout.write = ((s: string) => ((stdout += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
  const code = await main(argv);
  process.stdout.write = out;
  process.stderr.write = err;
  results.push({ code, stdout, stderr });
}
out(JSON.stringify(results));
