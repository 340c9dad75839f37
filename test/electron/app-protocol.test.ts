/**
 * The app:// handler (electron/app-protocol.ts) as plain Node: what it serves, what it refuses, and
 * the headers every response carries. A temp folder stands in for out/renderer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, RENDERER_URL, resolveAppPath } from "../../electron/app-protocol";
import { CONTENT_SECURITY_POLICY } from "../../electron/security";

const base = mkdtempSync(join(tmpdir(), "fis-app-protocol-"));
const root = join(base, "renderer");
mkdirSync(join(root, "assets"), { recursive: true });
writeFileSync(join(root, "index.html"), "<!doctype html><title>FIS</title>");
writeFileSync(join(root, "assets", "index-abc.js"), "export const x = 1;");
writeFileSync(join(root, "assets", "census-import.worker-def.js"), "self.onmessage = () => {};");
writeFileSync(join(root, "assets", "style.css"), "body{}");
writeFileSync(join(root, "assets", "font.woff2"), "wOF2");
writeFileSync(join(root, "assets", "data.bin"), "x");
writeFileSync(join(base, "secret.txt"), "outside the renderer folder");
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler(root);
const get = (url: string, method = "GET") => handler({ url, method });

describe("app:// serves the renderer folder and nothing else", () => {
  it("the page, its module scripts and workers, styles and fonts, each with its MIME type", async () => {
    for (const [url, type, body] of [
      [RENDERER_URL, "text/html; charset=utf-8", "<!doctype html><title>FIS</title>"],
      ["app://fis/", "text/html; charset=utf-8", "<!doctype html><title>FIS</title>"],
      ["app://fis/assets/index-abc.js", "text/javascript; charset=utf-8", "export const x = 1;"],
      [
        "app://fis/assets/census-import.worker-def.js?worker_file&type=module",
        "text/javascript; charset=utf-8",
        "self.onmessage = () => {};",
      ],
      ["app://fis/assets/style.css", "text/css; charset=utf-8", "body{}"],
      ["app://fis/assets/font.woff2", "font/woff2", "wOF2"],
      ["app://fis/assets/data.bin", "application/octet-stream", "x"],
    ]) {
      const r = await get(url!);
      expect(r.status, url).toBe(200);
      expect(r.headers.get("content-type"), url).toBe(type);
      expect(await r.text(), url).toBe(body);
    }
  });

  it("every response, errors too, carries the CSP and nosniff", async () => {
    for (const r of [await get(RENDERER_URL), await get("app://fis/missing.js"), await get(RENDERER_URL, "POST")]) {
      expect(r.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("GET and HEAD only", async () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"]) {
      const r = await get(RENDERER_URL, method);
      expect(r.status, method).toBe(405);
      expect(r.headers.get("allow")).toBe("GET, HEAD");
    }
    const head = await get(RENDERER_URL, "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it.each([
    "app://fis/../secret.txt",
    "app://fis/%2e%2e/secret.txt",
    "app://fis/assets/..%2f..%2fsecret.txt",
    "app://fis/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
    "app://fis/..%5csecret.txt",
    "app://fis/assets%00/index-abc.js",
    "app://fis/%E0%A4%A",
    `app://fis/${encodeURIComponent(join(base, "secret.txt"))}`,
    "app://other-host/index.html",
    "app://user:pass@fis/index.html",
    "file:///etc/passwd",
    "https://fis/index.html",
    "app://fis/assets",
    "app://fis/nope.html",
  ])("refuses %s (404)", async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain("outside the renderer folder");
  });

  it("resolveAppPath keeps every path inside the folder", () => {
    expect(resolveAppPath("app://fis/a/b.js", root)).toBe(join(root, "a", "b.js"));
    expect(resolveAppPath("app://FIS/index.html", root)).toBe(join(root, "index.html"));
    // The URL parser removes dot segments before the handler sees the path: this names root/secret.txt.
    expect(resolveAppPath("app://fis/a/../../secret.txt", root)).toBe(join(root, "secret.txt"));
    expect(resolveAppPath("app://fis/a%2f..%2f..%2fsecret.txt", root)).toBeNull();
  });

  it("is registered as a standard, secure scheme with fetch support (module workers and dynamic imports are fetched)", () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});
