import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadRecentFiles, MAX_RECENT_FILES } from "../../electron/files/recent-files";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fis-recent-"));
  file = join(dir, "recent.json");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("recent.json", () => {
  it("a missing file is an empty list", async () => {
    expect((await loadRecentFiles(file)).list()).toEqual([]);
  });

  it.each([
    ["truncated JSON", '{"version":1,"files":["/a/b.json"'],
    ["binary garbage", "\u0000\u00ff\u0001"],
    ["wrong version", '{"version":99,"files":["/a/b.json"]}'],
    ["files not an array", '{"version":1,"files":{"0":"/a/b.json"}}'],
    ["a bare array", '["/a/b.json"]'],
    ["empty file", ""],
  ])("corrupt (%s) is ignored, not fatal, and the next add rewrites it cleanly", async (_label, content) => {
    // Given a corrupt recent.json
    await writeFile(file, content);
    // When it is loaded
    const recent = await loadRecentFiles(file);
    // Then it reads as empty, and adding a file writes a valid list
    expect(recent.list()).toEqual([]);
    await recent.add("/home/u/FIS.json");
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ version: 1, files: ["/home/u/FIS.json"] });
  });

  it("drops invalid entries but keeps the valid ones", async () => {
    await writeFile(file, JSON.stringify({ version: 1, files: ["/ok.json", "../../etc/passwd", 5, "/ok.json", "/ok2.json"] }));
    expect((await loadRecentFiles(file)).list()).toEqual(["/ok.json", "/ok2.json"]);
  });

  it("an oversized recent.json is ignored", async () => {
    await writeFile(file, JSON.stringify({ version: 1, files: ["/a.json"], pad: "x".repeat(2 * 1024 * 1024) }));
    expect((await loadRecentFiles(file)).list()).toEqual([]);
  });

  it(`keeps the newest ${MAX_RECENT_FILES}, most recent first, without duplicates`, async () => {
    const recent = await loadRecentFiles(file);
    for (let i = 0; i < 15; i++) await recent.add(`/f/${i}.json`);
    await recent.add("/f/10.json");
    const expected = [
      "/f/10.json",
      "/f/14.json",
      "/f/13.json",
      "/f/12.json",
      "/f/11.json",
      "/f/9.json",
      "/f/8.json",
      "/f/7.json",
      "/f/6.json",
      "/f/5.json",
    ];
    expect(recent.list()).toEqual(expected);
    expect((await loadRecentFiles(file)).list()).toEqual(expected);
  });

  it("a failed write rejects the add but leaves the in-memory list usable", async () => {
    const recent = await loadRecentFiles(file, async () => Promise.reject(new Error("EROFS")));
    await expect(recent.add("/a.json")).rejects.toThrow("EROFS");
    expect(recent.list()).toEqual(["/a.json"]);
  });
});
