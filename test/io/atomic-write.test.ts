import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  fsyncDirectory,
  isTempFileFor,
  NotARegularFileError,
  removeStaleTempFiles,
  tempPathFor,
  writeFileAtomic,
} from "../../model/io/atomic-write";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = resolve(here, "..", "..");
const CHILD = join(here, "fixtures", "atomic-write-child.ts");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fis-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it("creates a file, then replaces it whole (string and bytes)", async () => {
    const target = join(dir, "scenario.json");
    await writeFileAtomic(target, '{"v":1}');
    expect(await readFile(target, "utf8")).toBe('{"v":1}');
    await writeFileAtomic(target, new Uint8Array([123, 125]));
    expect(await readFile(target, "utf8")).toBe("{}");
    expect(await readdir(dir)).toEqual(["scenario.json"]);
  });

  it.skipIf(process.platform === "win32")("keeps the mode of the file it replaces", async () => {
    const target = join(dir, "private.json");
    await writeFile(target, "old");
    await chmod(target, 0o600);
    await writeFileAtomic(target, "new");
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it("a failure before the rename leaves the old file and no temp file", async () => {
    const target = join(dir, "scenario.json");
    await writeFile(target, "old");
    let seenTemp = "";
    await expect(
      writeFileAtomic(target, "new", {
        beforeRename: async (temp) => {
          seenTemp = temp;
          expect(await readFile(temp, "utf8")).toBe("new"); // fully written and synced before rename
          throw new Error("power cut");
        },
      }),
    ).rejects.toThrow("power cut");
    expect(seenTemp.startsWith(dir)).toBe(true);
    expect(await readFile(target, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["scenario.json"]);
  });

  it("fails cleanly when the directory does not exist", async () => {
    await expect(writeFileAtomic(join(dir, "missing", "x.json"), "x")).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readdir(dir)).toEqual([]);
  });

  it("concurrent writers never interleave: the result is one writer's whole content", async () => {
    const target = join(dir, "race.json");
    const payloads = Array.from({ length: 8 }, (_, i) => String(i).repeat(256 * 1024));
    await Promise.all(payloads.map((p) => writeFileAtomic(target, p)));
    expect(payloads).toContain(await readFile(target, "utf8"));
    expect(await readdir(dir)).toEqual(["race.json"]);
  });

  it("temp files sit next to the target and are recognisable for cleanup", async () => {
    const target = join(dir, "auto save.json");
    const temp = tempPathFor(target);
    expect(resolve(temp, "..")).toBe(dir);
    const name = temp.slice(dir.length + 1);
    expect(isTempFileFor("auto save.json", name)).toBe(true);
    expect(isTempFileFor("auto save.json", "auto save.json")).toBe(false);
    expect(isTempFileFor("auto save.json", ".other.json.1.abcdefabcdef.tmp")).toBe(false);
    await writeFile(temp, "partial");
    await writeFile(join(dir, "keep.tmp"), "not the writer's");
    expect(await removeStaleTempFiles(target)).toBe(1);
    expect(await readdir(dir)).toEqual(["keep.tmp"]);
  });

  // Renaming over a FIFO, a device or a symlink would put a regular file in its place (as root,
  // /dev/full became a regular file): only a regular file, or no file, is ever replaced.
  it.skipIf(process.platform === "win32")("refuses a target that is a named pipe, leaving the pipe and no temp file", async () => {
    const target = join(dir, "pipe.csv");
    execFileSync("mkfifo", [target]);
    const refused = writeFileAtomic(target, "x");
    await expect(refused).rejects.toBeInstanceOf(NotARegularFileError);
    await expect(refused).rejects.toThrow("is a named pipe (FIFO), not a regular file");
    expect((await lstat(target)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(["pipe.csv"]);
  });

  it.skipIf(process.platform === "win32")("writes through a symlink to the file it names; the link stays a link", async () => {
    const real = join(dir, "real.csv");
    await writeFile(real, "target");
    const link = join(dir, "link.csv");
    await symlink(real, link);
    await writeFileAtomic(link, "new");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, "utf8")).toBe("new");
    expect((await readdir(dir)).sort()).toEqual(["link.csv", "real.csv"]);
  });

  it.skipIf(process.platform === "win32")("refuses a symlink to a named pipe, and one that names no file", async () => {
    const pipe = join(dir, "pipe");
    execFileSync("mkfifo", [pipe]);
    await symlink(pipe, join(dir, "to-pipe.csv"));
    await expect(writeFileAtomic(join(dir, "to-pipe.csv"), "x")).rejects.toThrow(/^is a symbolic link to .*pipe, which is a named pipe/);
    await symlink(join(dir, "gone.csv"), join(dir, "dangling.csv"));
    await expect(writeFileAtomic(join(dir, "dangling.csv"), "x")).rejects.toThrow(
      /^is a symbolic link to .*gone\.csv, which names no file/,
    );
    expect((await readdir(dir)).sort()).toEqual(["dangling.csv", "pipe", "to-pipe.csv"]);
  });

  it("refuses a folder", async () => {
    const folder = join(dir, "out.csv");
    await mkdir(folder);
    await expect(writeFileAtomic(folder, "x")).rejects.toThrow("is a folder, not a regular file");
    expect(await readdir(dir)).toEqual(["out.csv"]);
  });

  it.skipIf(process.platform === "win32")("fsyncs the directory where the platform allows it", async () => {
    expect(await fsyncDirectory(dir)).toBe(true);
    expect(await fsyncDirectory(join(dir, "nope"))).toBe(false);
  });
});

/**
 * Crash test: a child process rewrites a large file in a loop and is SIGKILLed at a random moment.
 * Whatever instant the kill lands on (writing the temp file, fsync, rename, directory fsync), the
 * target must be exactly the old or the new content. A control run with plain fs.writeFile shows the
 * same harness does catch torn files.
 */
describe("crash safety (child process killed mid-write)", () => {
  const SIZE = 8 * 1024 * 1024;
  const A = Buffer.alloc(SIZE, "A");
  const B = Buffer.alloc(SIZE, "B");

  async function killDuringWrites(target: string, mode: "atomic" | "naive", killAfterMs: number): Promise<Buffer> {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, target, mode, String(SIZE)], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    const exited = once(child, "exit");
    await new Promise<void>((resolveReady, reject) => {
      child.stdout.on("data", (d) => String(d).includes("ready") && resolveReady());
      child.once("exit", (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    await new Promise((r) => setTimeout(r, killAfterMs));
    child.kill("SIGKILL");
    await exited;
    return readFile(target);
  }

  function describeContent(buf: Buffer): string {
    if (buf.equals(A)) return "A";
    if (buf.equals(B)) return "B";
    return (
      `torn(${buf.length} bytes, starts ${JSON.stringify(buf.subarray(0, 1).toString())}, ends ` +
      `${JSON.stringify(buf.subarray(-1).toString())})`
    );
  }

  it("the target is always the whole old or whole new content (12 random kills)", async () => {
    const target = join(dir, "autosave.json");
    await writeFile(target, A);
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const killAfterMs = Math.floor(Math.random() * 250);
      const content = describeContent(await killDuringWrites(target, "atomic", killAfterMs));
      seen.push(`${killAfterMs}ms:${content}`);
      if (process.env.FIS_DEBUG_CRASH) console.log(seen.at(-1));
      expect(content, `iteration ${i} killed after ${killAfterMs} ms`).toMatch(/^[AB]$/);
    }
    // Leftover temp files are possible after a kill; they are never the target and cleanup removes them.
    await removeStaleTempFiles(target);
    expect(await readdir(dir)).toEqual(["autosave.json"]);
  }, 120_000);

  it("control: the same harness catches a torn file when writes are not atomic", async () => {
    const target = join(dir, "naive.json");
    await writeFile(target, A);
    let torn = false;
    for (let i = 0; i < 15 && !torn; i++) {
      const content = describeContent(await killDuringWrites(target, "naive", 20 + Math.floor(Math.random() * 200)));
      torn = content !== "A" && content !== "B";
    }
    expect(torn).toBe(true);
  }, 120_000);
});
