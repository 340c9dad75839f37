import { isAbsolute } from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseAutosaveJson,
  parseRecentFilesJson,
  TOKEN_PATTERN,
  validateAutosaveText,
  validateExportRequest,
  validateNoArgs,
  validateOneArg,
  validateSaveTextRequest,
  validateTitle,
  validateToken,
} from "../../electron/ipc/validate";

const GOOD_TOKEN = "abcdefghijklmnopqrstuvwxyzABCD-_";
const MB = 1024 * 1024;

/** Values a hostile page could send that are never a valid argument of any kind. */
const NON_STRINGS: unknown[] = [undefined, null, 0, 1n, NaN, true, {}, [], () => 1, Symbol("s"), new Date(), new Map(), new Uint8Array(2)];

function expectRejected(result: { ok: true } | { ok: false; error: string }, pattern?: RegExp) {
  expect(result.ok).toBe(false);
  if (pattern && !result.ok) expect(result.error).toMatch(pattern);
}

describe("validateToken", () => {
  it("accepts a 32-character base64url token", () => {
    expect(GOOD_TOKEN).toMatch(TOKEN_PATTERN);
    expect(validateToken(GOOD_TOKEN)).toEqual({ ok: true, value: GOOD_TOKEN });
  });

  it.each([
    "../../etc/passwd",
    "..\\..\\windows\\system32\\config\\sam",
    "/etc/passwd",
    "C:\\Users\\x\\scenario.json",
    "file:///etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "abcdefghijklmnopqrstuvwxyzABCD/_",
    "abcdefghijklmnopqrstuvwxyzABCD..",
    "abcdefghijklmnopqrstuvwxyzABCD-",
    "abcdefghijklmnopqrstuvwxyzABCD-__",
    `${GOOD_TOKEN}\n`,
    `${GOOD_TOKEN}\u0000`,
    "",
    "x".repeat(10 * MB),
  ])("rejects path-like or malformed token %#", (token) => {
    expectRejected(validateToken(token), /Invalid file token/);
  });

  it.each(NON_STRINGS.map((v) => [v]))("rejects non-string %#", (value) => {
    expectRejected(validateToken(value));
  });
});

describe("validateSaveTextRequest", () => {
  const good = { suggestedName: "FIS as published.json", text: '{"version":1}' };

  it("accepts a Save As request and a Save request", () => {
    expect(validateSaveTextRequest(good)).toEqual({ ok: true, value: good });
    expect(validateSaveTextRequest({ ...good, token: GOOD_TOKEN })).toEqual({ ok: true, value: { ...good, token: GOOD_TOKEN } });
  });

  it("returns a fresh object, not the caller's", () => {
    const input = { ...good };
    const result = validateSaveTextRequest(input);
    expect(result.ok && result.value).not.toBe(input);
  });

  it.each(
    NON_STRINGS.filter((v) => !(typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype)).map((v) => [v]),
  )("rejects a non-object request %#", (value) => expectRejected(validateSaveTextRequest(value), /Invalid save request/));

  it("rejects unknown keys, including a path smuggled beside the token", () => {
    expectRejected(validateSaveTextRequest({ ...good, path: "/etc/passwd" }), /unknown field "path"/);
    expectRejected(validateSaveTextRequest({ ...good, directory: "/tmp" }), /unknown field/);
  });

  it("rejects prototype-pollution payloads (as JSON.parse or structured clone would deliver them)", () => {
    const viaJson = JSON.parse('{"suggestedName":"a.json","text":"x","__proto__":{"polluted":true}}');
    expectRejected(validateSaveTextRequest(viaJson), /forbidden field "__proto__"/);
    expectRejected(validateSaveTextRequest({ ...good, constructor: { prototype: { polluted: true } } }), /forbidden field "constructor"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects class instances and objects with a foreign prototype", () => {
    class Req {
      suggestedName = "a.json";
      text = "x";
    }
    expectRejected(validateSaveTextRequest(new Req()), /expected an object/);
    expectRejected(validateSaveTextRequest(Object.create({ suggestedName: "a.json", text: "x" })), /expected an object/);
  });

  it("accepts a null-prototype object with the right fields", () => {
    const req = Object.assign(Object.create(null), good);
    expect(validateSaveTextRequest(req).ok).toBe(true);
  });

  it.each([
    ["../../etc/passwd", /not a path/],
    ["/etc/passwd", /not a path/],
    ["C:\\Windows\\win.ini", /not a path/],
    ["a/b.json", /not a path/],
    ["..", /not a file name/],
    [".", /not a file name/],
    ["   ", /not a file name/],
    ["", /empty/],
    ["CON", /reserved/],
    ["nul.json", /reserved/],
    ["evil\u202Enosj.exe", /control/],
    ["line\nbreak.json", /control/],
    ["x".repeat(256), /longer than 255/],
  ])("rejects suggestedName %j", (name, pattern) => {
    expectRejected(validateSaveTextRequest({ ...good, suggestedName: name }), pattern);
  });

  it("rejects a token that looks like a path", () => {
    expectRejected(validateSaveTextRequest({ ...good, token: "../../etc/passwd" }), /token is not valid/);
    expectRejected(validateSaveTextRequest({ ...good, token: 42 }), /token must be a string/);
  });

  it("enforces the 20 MB text limit in UTF-8 bytes, not characters", () => {
    expect(validateSaveTextRequest({ ...good, text: "x".repeat(20 * MB) }).ok).toBe(true);
    expectRejected(validateSaveTextRequest({ ...good, text: "x".repeat(20 * MB + 1) }), /larger than 20 MB/);
    // 7M three-byte characters: under 20M UTF-16 units, 21M UTF-8 bytes.
    expectRejected(validateSaveTextRequest({ ...good, text: "€".repeat(7 * MB) }), /larger than 20 MB/);
  });

  it.each(NON_STRINGS.map((v) => [v]))("rejects non-string text %#", (text) => {
    expectRejected(validateSaveTextRequest({ ...good, text }), /text must be a string/);
  });
});

describe("validateExportRequest", () => {
  const good = { suggestedName: "FIS.xlsx", kind: "xlsx", bytes: new Uint8Array([80, 75, 3, 4]) };

  it("accepts xlsx and csv", () => {
    expect(validateExportRequest(good).ok).toBe(true);
    expect(validateExportRequest({ ...good, kind: "csv", suggestedName: "FIS.csv" }).ok).toBe(true);
    expect(validateExportRequest({ ...good, bytes: Buffer.from("a,b") }).ok).toBe(true);
  });

  it.each([
    [{ ...good, kind: "exe" }, /kind must be/],
    [{ ...good, kind: "XLSX" }, /kind must be/],
    [{ ...good, bytes: [80, 75] }, /Uint8Array/],
    [{ ...good, bytes: "PK" }, /Uint8Array/],
    [{ ...good, bytes: new ArrayBuffer(4) }, /Uint8Array/],
    [{ ...good, bytes: new Uint16Array(2) }, /Uint8Array/],
    [{ ...good, bytes: { length: 1e9 } }, /Uint8Array/],
    [{ ...good, suggestedName: "../x.xlsx" }, /not a path/],
    [{ ...good, token: GOOD_TOKEN }, /unknown field "token"/],
    [{ suggestedName: "a.xlsx", kind: "xlsx" }, /Uint8Array/],
  ])("rejects %#", (req, pattern) => {
    expectRejected(validateExportRequest(req), pattern);
  });

  it("enforces the 200 MB byte limit", () => {
    // A view that claims 200 MB + 1 without allocating it.
    const huge = new Uint8Array(new SharedArrayBuffer(200 * MB + 1));
    expectRejected(validateExportRequest({ ...good, bytes: huge }), /larger than 200 MB/);
  });
});

describe("validateTitle, validateAutosaveText and argument counts", () => {
  it("limits titles to 200 characters without control characters", () => {
    expect(validateTitle("FIS as published — Fiscal Impact Studio").ok).toBe(true);
    expect(validateTitle("x".repeat(200)).ok).toBe(true);
    expectRejected(validateTitle("x".repeat(201)), /longer than 200/);
    expectRejected(validateTitle("a\u0007b"), /control/);
    expectRejected(validateTitle({ toString: () => "x" }), /must be a string/);
  });

  it("limits autosave text to 20 MB", () => {
    expect(validateAutosaveText("{}").ok).toBe(true);
    expectRejected(validateAutosaveText("x".repeat(20 * MB + 1)), /larger than 20 MB/);
    expectRejected(validateAutosaveText(["{}"]), /must be a string/);
  });

  it("rejects extra or missing arguments", () => {
    expect(validateNoArgs([]).ok).toBe(true);
    expectRejected(validateNoArgs(["/etc/passwd"]), /Unexpected arguments/);
    expect(validateOneArg(["a"])).toEqual({ ok: true, value: "a" });
    expectRejected(validateOneArg([]), /one argument/);
    expectRejected(validateOneArg(["a", "b"]), /one argument/);
  });
});

describe("files read back from disk", () => {
  it("recent.json: keeps valid absolute paths, drops the rest, caps and dedupes", () => {
    const files = ["/a/1.json", "relative.json", 7, null, "/a/1.json", "/a/\u0000.json", "", "/b/2.json"];
    expect(parseRecentFilesJson(JSON.stringify({ version: 1, files }), isAbsolute, 10)).toEqual(["/a/1.json", "/b/2.json"]);
    const many = Array.from({ length: 30 }, (_, i) => `/f/${i}.json`);
    expect(parseRecentFilesJson(JSON.stringify({ version: 1, files: many }), isAbsolute, 10)).toHaveLength(10);
  });

  it.each([
    "",
    "{",
    "null",
    "[]",
    '"x"',
    '{"version":2,"files":["/a"]}',
    '{"version":1,"files":"/a"}',
    '{"files":["/a"]}',
    "\u0000\u0001garbage",
  ])("recent.json: corrupt content %j reads as empty", (text) => {
    expect(parseRecentFilesJson(text, isAbsolute, 10)).toEqual([]);
  });

  it("autosave.json: only a well-formed version-1 snapshot is returned", () => {
    expect(parseAutosaveJson('{"version":1,"savedAt":"2025-01-01T00:00:00.000Z","text":"{}"}')).toEqual({
      savedAt: "2025-01-01T00:00:00.000Z",
      text: "{}",
    });
    for (const bad of [
      "",
      "{}",
      '{"version":1,"text":"{}"}',
      '{"version":1,"savedAt":"yesterday","text":"{}"}',
      '{"version":1,"savedAt":"2025-01-01","text":5}',
    ]) {
      expect(parseAutosaveJson(bad)).toBeNull();
    }
  });
});
