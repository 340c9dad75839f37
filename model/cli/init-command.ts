/**
 * `fis init`: a new scenario file from a template, every input to fill left empty and listed.
 *   npm run --silent fis -- init --list
 *   npm run --silent fis -- init --template state-fiscal-note [--out FILE] [--name NAME] [--agreement NAME]
 *                                [--first-year YYYY] [--last-year YYYY] [--start-month M]
 * Without --out the scenario is printed. An existing file is never overwritten.
 */
import { existsSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { scenarioFromTemplate, serializeScenario, toFillText, inputsToFill, type Scenario } from "../engine/index";
import { TEMPLATES, templateById } from "../templates/index";
import { parseArgs, UsageError } from "./args";
import { InputFailure } from "./input-files";

export const INIT_USAGE = `Usage: npm run --silent fis -- init --template NAME [options]
  --list               the templates, with what each lays out
  --template NAME      the template to start from (see --list)
  --out FILE           write the new scenario there (never over an existing file); default: print it
  --name NAME          the scenario's name (default: the template's)
  --agreement NAME     the agreement's name
  --first-year YYYY    the first fiscal year of the table (default: the template's)
  --last-year YYYY     the last fiscal year (default: as many years as the template has)
  --start-month M      the month the fiscal year starts, 1-12 (default: the template's)
Every input the template leaves to fill is written with an empty value ("value": "") and listed;
the scenario is costed once they are all filled in.`;

const VALUE_FLAGS = ["--template", "--out", "--name", "--agreement", "--first-year", "--last-year", "--start-month"];

function year(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`${flag} takes a year written YYYY, not "${text}"`);
  return Number.parseInt(text, 10);
}

export function runInit(argv: readonly string[], out: (s: string) => void): number {
  const args = parseArgs(argv, ["--list", "--help"], VALUE_FLAGS);
  if (args.flags.has("--help")) {
    out(INIT_USAGE);
    return 0;
  }
  if (args.flags.has("--list")) {
    const width = Math.max(...TEMPLATES.map((t) => t.id.length));
    out(
      TEMPLATES.map(
        (t) => `${t.id.padEnd(width)}  ${t.title}: ${t.toFill().length} inputs to fill\n${" ".repeat(width + 2)}${t.description}`,
      ).join("\n\n"),
    );
    return 0;
  }
  const id = args.values.get("--template");
  if (id === undefined) throw new UsageError("init needs --template NAME (or --list)");
  const template = templateById(id);
  if (!template) throw new UsageError(`no template "${id}"; the templates are ${TEMPLATES.map((t) => t.id).join(", ")}`);
  const base = template.scenario();
  const years = base.table.columns.fiscalYears;
  const first = year(args.values.get("--first-year"), "--first-year") ?? years[0]!;
  const last = year(args.values.get("--last-year"), "--last-year") ?? first + years.length - 1;
  const monthText = args.values.get("--start-month");
  if (monthText !== undefined && !/^(1[0-2]|[1-9])$/.test(monthText))
    throw new UsageError(`--start-month takes 1 to 12, not "${monthText}"`);
  const name = args.values.get("--name") ?? template.title;
  const options = {
    id:
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .replace(/^(?![a-z])/, "s-")
        .slice(0, 64) || "new-scenario",
    name,
    ...(args.values.has("--agreement") ? { agreementName: args.values.get("--agreement")! } : {}),
    firstFiscalYear: first,
    lastFiscalYear: last,
    fiscalYearStartMonth: monthText === undefined ? base.calendar.fiscalYearStartMonth : Number.parseInt(monthText, 10),
  };
  let scenario: Scenario;
  try {
    scenario = scenarioFromTemplate(base, options);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const path = args.values.get("--out");
  const schema = resolve("docs", "scenario.schema.json");
  if (existsSync(schema))
    scenario.$schema = relative(path === undefined ? process.cwd() : dirname(resolve(path)), schema)
      .split(sep)
      .join("/");
  const text = serializeScenario(scenario);
  const toFill = inputsToFill(scenario);
  if (path === undefined) {
    out(text.trimEnd());
    return 0;
  }
  if (existsSync(path)) throw new InputFailure(`${path}: the file exists; name a new file (init never overwrites one)`);
  try {
    writeFileSync(path, text, { flag: "wx" });
  } catch (e) {
    throw new InputFailure(`${path}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  out(`wrote ${path} from the ${template.id} template. ${toFillText(toFill)}`);
  return 0;
}
