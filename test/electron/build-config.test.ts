/**
 * The desktop build (electron.vite.config.ts): each bundle lands where the code that loads it looks,
 * and the CSP meta tag. What ships is checked in packaging.test.ts.
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
  const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { main: string };
  const mainSource = readFileSync(resolve(root, "electron/main.ts"), "utf8");
  /** The file a rolldown entry is written to: outDir / entry name + the entry file pattern's extension. */
  const outputOf = (build: { outDir: string; rolldownOptions: { input: Record<string, string> } }, pattern = "[name].js") => {
    const [name] = Object.keys(build.rolldownOptions.input);
    return resolve(build.outDir, pattern.replace("[name]", name!));
  };

  it("writes the main process where package.json's main tells Electron to start", () => {
    expect(outputOf(cfg.main.build)).toBe(resolve(root, pkg.main));
  });

  it("writes the preload as CommonJS (a sandboxed preload cannot be an ES module) where main.ts looks for it", () => {
    const preload = outputOf(cfg.preload.build, cfg.preload.build.rolldownOptions.output.entryFileNames);
    expect(cfg.preload.build.rolldownOptions.output.format).toBe("cjs");
    expect(preload.endsWith(".cjs")).toBe(true);
    // main.ts resolves the preload relative to its own folder, out/main.
    const relativeToMain = preload.slice(resolve(root, "out").length + 1).split("/");
    expect(mainSource).toContain(`"..", ${relativeToMain.map((p) => `"${p}"`).join(", ")}`);
  });

  it("bundles every dependency into main and preload: the package ships no node_modules (see electron-builder.yml)", () => {
    expect(cfg.main.build.externalizeDeps).toBe(false);
    expect(cfg.preload.build.externalizeDeps).toBe(false);
  });

  it("writes the renderer inside out/, the only folder the package ships, with asset URLs relative to index.html", () => {
    expect(cfg.renderer.build.outDir.startsWith(resolve(root, "out") + "/")).toBe(true);
    expect(cfg.renderer.base).toBe("./");
  });

  it("index.html gets the app's CSP as a meta tag, after the charset, replacing any other", () => {
    const html =
      '<html><head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src *">\n    ' +
      "<title>x</title></head></html>";
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
