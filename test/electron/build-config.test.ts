/**
 * Build and packaging configuration: what gets bundled where, and what ships.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import config, { injectContentSecurityPolicy } from "../../electron.vite.config";
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyForMetaTag } from "../../electron/security";

const root = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const cfg = config as {
  main: { build: { outDir: string; externalizeDeps: boolean; rolldownOptions: { input: Record<string, string> } } };
  preload: {
    build: {
      outDir: string;
      externalizeDeps: boolean;
      rolldownOptions: { input: Record<string, string>; output: { format: string; entryFileNames: string } };
    };
  };
  renderer: { root: string; base: string; build: { outDir: string; rolldownOptions: { input: string } } };
};

describe("electron.vite.config.ts", () => {
  it("main: electron/main.ts -> out/main, dependencies bundled", () => {
    expect(cfg.main.build.rolldownOptions.input).toEqual({ main: resolve(root, "electron/main.ts") });
    expect(cfg.main.build.outDir).toBe(resolve(root, "out/main"));
    expect(cfg.main.build.externalizeDeps).toBe(false);
  });

  it("preload: CommonJS out/preload/preload.cjs (a sandboxed preload cannot be an ES module)", () => {
    expect(cfg.preload.build.rolldownOptions.input).toEqual({ preload: resolve(root, "electron/preload.ts") });
    expect(cfg.preload.build.rolldownOptions.output).toEqual({ format: "cjs", entryFileNames: "[name].cjs" });
    expect(cfg.preload.build.outDir).toBe(resolve(root, "out/preload"));
    expect(cfg.preload.build.externalizeDeps).toBe(false);
  });

  it("renderer: renderer/index.html -> out/renderer with relative URLs (served as app://fis/)", () => {
    expect(cfg.renderer.root).toBe(resolve(root, "renderer"));
    expect(cfg.renderer.build.rolldownOptions.input).toBe(resolve(root, "renderer/index.html"));
    expect(cfg.renderer.build.outDir).toBe(resolve(root, "out/renderer"));
    expect(cfg.renderer.base).toBe("./");
  });

  it("index.html gets the app's CSP as a meta tag, after the charset, replacing any other", () => {
    const html =
      '<html><head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src *">\n    <title>x</title></head></html>';
    const out = injectContentSecurityPolicy(html);
    expect(out).not.toContain("default-src *");
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(out.indexOf("charset")).toBeLessThan(out.indexOf("Content-Security-Policy"));
    expect(out).toContain(`content="${contentSecurityPolicyForMetaTag()}"`);
    expect(contentSecurityPolicyForMetaTag()).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ""));
    expect(injectContentSecurityPolicy("<html><head><title>x</title></head></html>")).toMatch(
      /^<html><head>\n\s*<meta http-equiv="Content-Security-Policy"/,
    );
  });
});

describe("electron-builder.yml", () => {
  const yml = readFileSync(resolve(root, "electron-builder.yml"), "utf8");
  const section = (name: string) => yml.split(/\n(?=\S)/).find((block) => block.startsWith(`${name}:`)) ?? "";

  it("names the app", () => {
    expect(yml).toMatch(/^appId: \S+/m);
    expect(yml).toMatch(/^productName: Fiscal Impact Studio$/m);
  });

  it("ships only the bundle and package.json", () => {
    const files = section("files")
      .split("\n")
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => l.startsWith("- "));
    expect(files).toEqual(["- out/**/*", "- package.json"]);
  });

  it("targets AppImage and deb, NSIS, and DMG", () => {
    expect(section("linux")).toMatch(/- AppImage[\s\S]*- deb/);
    expect(section("win")).toMatch(/- nsis/);
    expect(section("mac")).toMatch(/- dmg/);
  });

  it("turns off the fuses that would let someone run the binary as plain Node", () => {
    const fuses = section("electronFuses");
    expect(fuses).toMatch(/runAsNode: false/);
    expect(fuses).toMatch(/enableNodeOptionsEnvironmentVariable: false/);
    expect(fuses).toMatch(/enableNodeCliInspectArguments: false/);
    expect(fuses).toMatch(/onlyLoadAppFromAsar: true/);
  });

  it("turns off file:// extra privileges: the renderer is served from app://, not file:// (checklist #18)", () => {
    expect(section("electronFuses")).toMatch(/^\s+grantFileProtocolExtraPrivileges: false$/m);
  });
});
