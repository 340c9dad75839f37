/**
 * The CLI reads files the way the app does (model/io/read-file.ts + text-decode.ts): regular files
 * only, size before content, a UTF-8 BOM accepted, UTF-16 decoded or named, bad bytes refused with
 * their offset. Each case runs the real CLI in a child process with a timeout, since the failures
 * being guarded against are hangs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { serializeScenario } from "../../model/engine/scenario/schema";

/** The `fis` command as package.json runs it: the bundled CLI, rebuilt first when a source changed. */
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const fis = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 20_000, killSignal: "SIGKILL" });

const dir = mkdtempSync(join(tmpdir(), "fis-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scenarioText = serializeScenario(fisAsPublished());

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("fis reads only regular files", () => {
  it("a named pipe is refused at once, not waited on", () => {
    const fifo = join(dir, "pipe.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = fis("--scenario", fifo, "--json");
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${fifo}: is a named pipe (FIFO), not a regular file`);
  });

  it("/dev/zero is refused without reading it", () => {
    const r = fis("--scenario", "/dev/zero");
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("/dev/zero: is a character device, not a regular file");
  });

  it("a folder and a missing file are named", () => {
    expect(fis("--scenario", dir).stderr).toContain(`${dir}: is a folder, not a regular file`);
    expect(fis("--scenario", join(dir, "nope.json")).stderr).toContain("nope.json: does not exist");
  });

  it("a census that is a FIFO is refused too", () => {
    const fifo = join(dir, "census-pipe.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = fis("--method", "schedule", "--census", fifo);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("is a named pipe (FIFO), not a regular file");
  });
});

describe("fis decodes text as the app does", () => {
  it("accepts a UTF-8 BOM, as the app does", () => {
    const path = file("bom.json", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(scenarioText)]));
    const r = fis("--scenario", path, "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    // The published FY2025 total, $52,137K (FIS table), read from a file that starts with a BOM.
    expect(JSON.parse(r.stdout).lines.find((l: { id: string }) => l.id === "totalCost").values.FY2025).toBe(52137);
  });

  it("decodes UTF-16LE with a BOM (the decision: a BOM makes the encoding certain)", () => {
    const units = new Uint8Array(2 + scenarioText.length * 2);
    units.set([0xff, 0xfe]);
    for (let i = 0; i < scenarioText.length; i++) {
      units[2 + 2 * i] = scenarioText.charCodeAt(i) & 0xff;
      units[3 + 2 * i] = scenarioText.charCodeAt(i) >> 8;
    }
    const r = fis("--scenario", file("utf16.json", units), "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).lines[0].values.FY2025).toBe(12161);
  });

  it("names UTF-16 without a BOM instead of printing garbage", () => {
    const units = new Uint8Array(scenarioText.length * 2);
    for (let i = 0; i < scenarioText.length; i++) units[2 * i] = scenarioText.charCodeAt(i);
    const r = fis("--scenario", file("utf16-nobom.json", units));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("utf16-nobom.json: looks like UTF-16LE text without a byte-order mark");
  });

  it("refuses an invalid UTF-8 byte with its offset instead of replacing it", () => {
    // "Caf\xe9" in Latin-1 inside the scenario name: byte 0xE9 at the offset computed here.
    const at = scenarioText.indexOf("FIS as published") + 3;
    const bytes = new TextEncoder().encode(scenarioText);
    bytes[at] = 0xe9;
    const r = fis("--scenario", file("latin1.json", bytes));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`latin1.json: is not valid UTF-8: byte 0xE9 at offset ${at.toLocaleString("en-US")}`);
  });
});
