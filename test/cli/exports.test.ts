/**
 * --xlsx / --csv write like the app saves (model/io/atomic-write.ts): an exclusive temp file under
 * a random name, fsynced, renamed; and two outputs (or an output and an input) that are one file
 * are refused before anything is written.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { serializeScenario } from "../../model/engine/scenario/schema";

const atomic = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("../../model/io/atomic-write", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../model/io/atomic-write")>();
  return {
    ...real,
    writeFileAtomic: (target: string, data: string | Uint8Array) => {
      atomic.calls.push(target);
      return real.writeFileAtomic(target, data);
    },
  };
});

const { writeCsv, writeXlsx } = await import("../../model/cli/xlsx-command");

/** The `fis` command as package.json runs it: the bundled CLI, rebuilt first when a source changed. */
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const fis = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), "fis-exports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CLI exports are atomic", () => {
  it("a symlink planted at the old predictable temp name is not written through", async () => {
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    const out = join(dir, "table.xlsx");
    // The name the CLI used to write to: `.${basename}.${pid}.tmp` next to the target.
    symlinkSync(victim, join(dir, `.table.xlsx.${process.pid}.tmp`));
    await writeXlsx(fisAsPublished(), out);
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("writes through the app's atomic writer (exclusive temp, fsync file and folder, rename)", async () => {
    atomic.calls.length = 0;
    await writeCsv(contractAsStated(), join(dir, "c.csv"));
    await writeXlsx(contractAsStated(), join(dir, "c.xlsx"));
    expect(atomic.calls).toEqual([join(dir, "c.csv"), join(dir, "c.xlsx")]);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([`.table.xlsx.${process.pid}.tmp`]);
  });
});

describe("two outputs, or an output and an input, that are one file", () => {
  // An audit: --xlsx out.csv wrote a workbook into a .csv file, --csv out.xlsx CSV text into an .xlsx, and --csv "" said ": ENOENT".
  it("an output whose name is not its format, or no name at all, is refused (exit 2) and nothing is written", () => {
    const x = join(dir, "same.out");
    const r = fis("--xlsx", x, "--csv", x);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--xlsx writes a .xlsx file; "${x}" ends in ".out"`);
    expect(readdirSync(dir)).not.toContain("same.out");
    const swapped = fis("--xlsx", join(dir, "t.csv"));
    expect([swapped.status, swapped.stderr]).toEqual([
      2,
      expect.stringContaining(`--xlsx writes a .xlsx file; "${join(dir, "t.csv")}" ends in ".csv"`),
    ]);
    const text = fis("--csv", join(dir, "t.xlsx"));
    expect([text.status, text.stderr]).toEqual([2, expect.stringContaining('--csv writes a .csv file; "')]);
    const empty = fis("--csv", "");
    expect([empty.status, empty.stderr]).toEqual([2, expect.stringContaining("--csv needs a file name, e.g. --csv out.csv")]);
    expect(readdirSync(dir).filter((n) => /^t\./.test(n))).toEqual([]);
  });

  it("the same file by another spelling or through a symlink is the same file", () => {
    const real = join(dir, "real.xlsx");
    writeFileSync(real, "old");
    symlinkSync(real, join(dir, "alias.csv"));
    const r = fis("--xlsx", real, "--csv", join(dir, "sub", "..", "alias.csv"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--xlsx and --csv name the same file");
    expect(readFileSync(real, "utf8")).toBe("old");
  });

  it("an export over the scenario file being read is refused", () => {
    // Named .csv so only the overwrite stands in the way (a .json output is refused for its name first).
    const scenario = join(dir, "scenario.csv");
    writeFileSync(scenario, serializeScenario(fisAsPublished()));
    const r = fis("--scenario", scenario, "--csv", scenario);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--csv would overwrite the --scenario file (${scenario})`);
    expect(JSON.parse(readFileSync(scenario, "utf8")).id).toBe("fis-as-published");
  });
});

describe("an export over something that is not a regular file", () => {
  // The writer renames a temp file over the target, which would turn a FIFO, a device or a symlink
  // into a regular file (it did: "wrote /dev/full", exit 0): refused instead, the target left alone.
  it.skipIf(process.platform === "win32")("--csv over a FIFO, --xlsx and --report over a link to one: exit 2 naming the path", () => {
    const sub = mkdtempSync(join(dir, "special-"));
    const pipe = join(sub, "pipe.csv");
    execFileSync("mkfifo", [pipe]);
    const real = join(sub, "real.csv");
    execFileSync("mkfifo", [real]);
    const xlsxLink = join(sub, "link.xlsx");
    symlinkSync(real, xlsxLink);
    const docxLink = join(sub, "memo.docx");
    symlinkSync(real, docxLink);

    const csv = fis("--csv", pipe);
    expect([csv.status, csv.stdout]).toEqual([2, ""]);
    expect(csv.stderr).toContain(`${pipe}: is a named pipe (FIFO), not a regular file`);
    const xlsx = fis("--xlsx", xlsxLink);
    expect([xlsx.status, xlsx.stdout]).toEqual([2, ""]);
    expect(xlsx.stderr).toContain(`${xlsxLink}: is a symbolic link to ${real}, which is a named pipe (FIFO), not a regular file`);
    const report = fis("--report", docxLink);
    expect([report.status, report.stdout]).toEqual([2, ""]);
    expect(report.stderr).toContain(`${docxLink}: is a symbolic link to ${real}, which is a named pipe (FIFO), not a regular file`);

    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect([readlinkSync(xlsxLink), readlinkSync(docxLink)]).toEqual([real, real]);
    expect(lstatSync(real).isFIFO()).toBe(true);
    expect(readdirSync(sub).sort()).toEqual(["link.xlsx", "memo.docx", "pipe.csv", "real.csv"]);
  });
});
