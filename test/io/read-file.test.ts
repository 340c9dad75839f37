/** The shared reader (model/io/read-file.ts) and text decoder (model/io/text-decode.ts) on their own. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRegularFile, readRegularFileSync, readTextFileSync } from "../../model/io/read-file";
import { decodeText, firstInvalidUtf8 } from "../../model/io/text-decode";

const dir = mkdtempSync(join(tmpdir(), "fis-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("plain UTF-8, and UTF-8 behind a BOM (the BOM is dropped)", () => {
    expect(decodeText(enc("a,é"))).toEqual({ ok: true, text: "a,é", encoding: "UTF-8", bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("x")]))).toEqual({ ok: true, text: "x", encoding: "UTF-8", bom: true });
  });

  it("UTF-16 with a BOM is decoded, either byte order", () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00]))).toMatchObject({ ok: true, text: "aé", encoding: "UTF-16LE" });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0xe9]))).toMatchObject({ ok: true, text: "aé", encoding: "UTF-16BE" });
  });

  it("UTF-16 without a BOM, cut UTF-16 and UTF-32 are named, not decoded", () => {
    const le = new Uint8Array([..."schedule,lane"].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(le)).toMatchObject({
      ok: false,
      message: expect.stringContaining("looks like UTF-16LE text without a byte-order mark"),
    });
    const be = new Uint8Array([..."schedule,lane"].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeText(be)).toMatchObject({ ok: false, message: expect.stringContaining("UTF-16BE") });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61]))).toMatchObject({
      ok: false,
      message: expect.stringContaining("odd number of bytes"),
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0]))).toMatchObject({
      ok: false,
      message: expect.stringContaining("UTF-32"),
    });
  });

  it("an invalid byte is refused with its offset and line, never replaced", () => {
    const bytes = new Uint8Array([...enc("a,b\nCaf"), 0xe9, ...enc("\n")]);
    expect(decodeText(bytes)).toEqual({
      ok: false,
      message: expect.stringMatching(/^is not valid UTF-8: byte 0xE9 at offset 7 \(line 2\)/),
    });
  });

  it("firstInvalidUtf8 agrees with the WHATWG decoder on every 1-3 byte sequence of interesting bytes", () => {
    const interesting = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
    ];
    const strict = new TextDecoder("utf-8", { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    for (const a of interesting)
      for (const b of interesting)
        for (const c of interesting) {
          const bytes = new Uint8Array([a, b, c]);
          expect(firstInvalidUtf8(bytes) === -1, bytes.join(",")).toBe(valid(bytes));
        }
    // 4-byte forms at their edges: U+10000, U+10FFFF, above U+10FFFF.
    expect(firstInvalidUtf8(new Uint8Array([0xf0, 0x90, 0x80, 0x80]))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x8f, 0xbf, 0xbf]))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xf4, 0x90, 0x80, 0x80]))).toBe(1);
  });
});

describe("readRegularFile", () => {
  it("refuses a 30 GB sparse file from its size alone (reading it would take minutes)", async () => {
    const path = join(dir, "huge.csv");
    writeFileSync(path, "");
    truncateSync(path, 30 * 1024 ** 3);
    expect(() => readRegularFileSync(path, 50 * 1024 * 1024)).toThrow("is larger than 50 MB (the limit): 32,212,254,720 bytes");
    await expect(readRegularFile(path, 50 * 1024 * 1024)).rejects.toThrow("is larger than 50 MB (the limit)");
  });

  it("refuses a FIFO, a device and a folder without reading them", async () => {
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    expect(() => readRegularFileSync(fifo, 1000)).toThrow("is a named pipe (FIFO), not a regular file");
    await expect(readRegularFile(fifo, 1000)).rejects.toThrow("is a named pipe (FIFO), not a regular file");
    expect(() => readRegularFileSync("/dev/zero", 1000)).toThrow("is a character device, not a regular file");
    expect(() => readRegularFileSync(dir, 1000)).toThrow("is a folder, not a regular file");
    expect(() => readRegularFileSync(join(dir, "missing"), 1000)).toThrow("does not exist");
  });

  it("reads a file that states size 0 but holds more (/proc), and stops one byte past the limit", () => {
    const status = readRegularFileSync("/proc/self/status", 1024 * 1024);
    expect(new TextDecoder().decode(status)).toContain("VmRSS");
    expect(() => readRegularFileSync("/proc/self/status", 10)).toThrow("is larger than");
  });

  it("reads exactly the bytes, through a symlink too; text through the decoder", () => {
    const path = join(dir, "bom.csv");
    writeFileSync(path, new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    expect([...readRegularFileSync(path, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect(() => readRegularFileSync(path, 3)).toThrow("is larger than");
    execFileSync("ln", ["-s", path, join(dir, "link.csv")]);
    expect(readTextFileSync(join(dir, "link.csv"))).toBe("a");
  });
});
