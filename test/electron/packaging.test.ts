/**
 * electron-builder.yml, checked for what it must achieve rather than for its own values:
 *  - each desktop OS gets an installer target, with an icon in the form and sizes that target needs;
 *  - the fuses that let the binary run as plain Node are off, the hardening ones on;
 *  - a real electron-builder run (Linux "dir" target, against a stand-in Electron binary that carries
 *    Electron's fuse wire) packs only out/** and package.json into app.asar, no node_modules, and
 *    flips the binary's fuses to exactly what the config lists.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { listPackage } from "@electron/asar";
import { FuseV1Options, getCurrentFuseWire } from "@electron/fuses";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = process.cwd();
interface PlatformConfig {
  target: (string | { target: string })[];
  icon?: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string };
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  linux: PlatformConfig;
  win: PlatformConfig;
  mac: PlatformConfig;
}
const config = parse(readFileSync(join(ROOT, "electron-builder.yml"), "utf8")) as BuilderConfig;
const targets = (p: PlatformConfig) => p.target.map((t) => (typeof t === "string" ? t : t.target));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.readUInt32BE(0)).toBe(0x89504e47);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The sizes an .ico holds (a 0 in the directory means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes[6 + 16 * i] || 256);
}

/** The PNG sizes an .icns holds, by walking its (type, length) entries. */
function icnsPngSizes(bytes: Buffer): number[] {
  expect(bytes.toString("ascii", 0, 4)).toBe("icns");
  const sizes: number[] = [];
  for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4))
    if (bytes.readUInt32BE(at + 8) === 0x89504e47) sizes.push(pngSize(bytes.subarray(at + 8))[0]);
  return sizes;
}

describe("electron-builder.yml", () => {
  it("names the app with a reverse-DNS id", () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.productName).toBe("Fiscal Impact Studio");
  });

  it("builds an installer for each desktop OS", () => {
    expect(targets(config.linux)).toEqual(expect.arrayContaining(["AppImage", "deb"]));
    expect(targets(config.win)).toContain("nsis");
    expect(targets(config.mac)).toContain("dmg");
  });

  it("gives each OS an icon it can use: Linux PNGs to 512 px, a Windows .ico with 256 px, a macOS .icns with 512 and 1024 px", () => {
    expect(config.directories.buildResources).toBe("electron/resources");
    const linux = join(ROOT, config.linux.icon!);
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(pngSize(readFileSync(join(linux, `${size}x${size}.png`)))).toEqual([size, size]);
    expect(icoSizes(readFileSync(join(ROOT, config.win.icon!)))).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(icnsPngSizes(readFileSync(join(ROOT, config.mac.icon!)))).toEqual(expect.arrayContaining([512, 1024]));
  });

  it("the committed icons are what electron/resources/icon.svg gives", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "electron", "resources", "make-icons.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("packs into an asar archive, only the bundle and package.json", () => {
    expect(config.asar).toBe(true);
    for (const pattern of config.files) expect(pattern).toMatch(/^(out\/|package\.json$)/);
  });

  it("turns off every way to run the binary as plain Node or to inject code, and turns on the integrity checks", () => {
    const fuses = config.electronFuses;
    for (const off of ["runAsNode", "enableNodeOptionsEnvironmentVariable", "enableNodeCliInspectArguments"])
      expect(fuses[off], off).toBe(false);
    for (const on of ["enableCookieEncryption", "enableEmbeddedAsarIntegrityValidation", "onlyLoadAppFromAsar"])
      expect(fuses[on], on).toBe(true);
  });

  it("turns off file:// extra privileges: the renderer is served from app://fis/, never file:// (checklist #18)", () => {
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});

describe("a real electron-builder run (linux dir target, stand-in Electron binary)", () => {
  let project = "";
  let unpacked = "";
  let build: ReturnType<typeof spawnSync>;
  const SENTINEL = "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX";
  // Electron's default wire, one byte per fuse in FuseV1Options order ('1' on, '0' off).
  const DEFAULT_WIRE = "10011001";

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "fis-pack-"));
    for (const file of ["package.json", "electron-builder.yml"]) cpSync(join(ROOT, file), join(project, file));
    cpSync(join(ROOT, "electron", "resources"), join(project, "electron", "resources"), { recursive: true });
    // A minimal bundle, and sources beside it that must not ship.
    for (const [file, text] of Object.entries({
      "out/main/main.js": "export {};\n",
      "out/preload/preload.cjs": "\n",
      "out/renderer/index.html": "<!doctype html>\n",
      "model/engine/compute.ts": "export {};\n",
      "test/secret.test.ts": "export {};\n",
    })) {
      mkdirSync(resolve(project, file, ".."), { recursive: true });
      writeFileSync(join(project, file), text);
    }
    // The real installed packages, so production dependencies are there to be (wrongly) copied.
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
    const electronDist = join(project, "electron-dist");
    mkdirSync(electronDist);
    writeFileSync(
      join(electronDist, "electron"),
      Buffer.concat([Buffer.from(`#!/bin/sh\n${SENTINEL}`), Buffer.from([1, 8]), Buffer.from(DEFAULT_WIRE)]),
      {
        mode: 0o755,
      },
    );
    unpacked = join(project, "release", "linux-unpacked");
    build = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "electron-builder", "cli.js"),
        "--projectDir",
        project,
        "--config",
        "electron-builder.yml",
        "--linux",
        "dir",
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${JSON.parse(readFileSync(join(ROOT, "node_modules", "electron", "package.json"), "utf8")).version}`,
        `-c.directories.output=${join(project, "release")}`,
      ],
      { encoding: "utf8", cwd: project, env: { ...process.env, CI: "true" }, timeout: 120_000 },
    );
  }, 150_000);

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("succeeds", () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  });

  it("app.asar holds out/** and package.json, nothing else; no node_modules anywhere in the app", () => {
    const entries = listPackage(join(unpacked, "resources", "app.asar"), { isPack: false }).map((p) => p.replaceAll("\\", "/"));
    expect(entries.filter((p) => p !== "/out" && !p.startsWith("/out/") && p !== "/package.json")).toEqual([]);
    expect(entries).toEqual(expect.arrayContaining(["/out/main/main.js", "/out/preload/preload.cjs", "/out/renderer/index.html"]));
    expect(readdirSync(join(unpacked, "resources"))).toEqual(["app.asar"]);
    expect(existsSync(join(unpacked, "resources", "app.asar.unpacked"))).toBe(false);
  });

  it("the binary's fuses are exactly the ones the config lists", async () => {
    const wire = await getCurrentFuseWire(join(unpacked, "fiscal-impact-studio"));
    const name = (option: string) => option[0]!.toLowerCase() + option.slice(1);
    for (const [option, index] of Object.entries(FuseV1Options).filter(([, v]) => typeof v === "number") as [string, number][]) {
      const configured = config.electronFuses[name(option)];
      const expected = configured === undefined ? DEFAULT_WIRE.charCodeAt(index) : (configured ? "1" : "0").charCodeAt(0);
      expect(wire[index as FuseV1Options], option).toBe(expected);
    }
  });
});

describe("npm run dist preflight (electron/dist-preflight.mjs)", () => {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { engines?: { node?: string }; dependencies?: Record<string, string> }>;
  };
  const preflight = readFileSync(join(ROOT, "electron", "dist-preflight.mjs"), "utf8");
  const distMinNode = /DIST_MIN_NODE = "([\d.]+)"/.exec(preflight)![1]!;
  /** "22.12" -> 22012000, comparable as a number. */
  const version = (v: string) => {
    const [major = 0, minor = 0, patch = 0] = v.split(".").map(Number);
    return (major * 1000 + minor) * 1000 + patch;
  };
  /** Packages whose engines field is a single lower bound above what package.json's engines promise. */
  const above = (floor: string) =>
    Object.entries(lock.packages)
      .map(([path, p]) => ({
        name: path.slice(path.lastIndexOf("node_modules/") + 13),
        min: /^>=\s*([\d.]+)$/.exec(p.engines?.node ?? "")?.[1],
      }))
      .filter((p): p is { name: string; min: string } => p.min !== undefined && version(p.min) > version(floor));
  /** Everything electron-builder pulls in, by name. */
  const builderClosure = () => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const dep of Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {})) visit(dep);
    };
    visit("electron-builder");
    return seen;
  };

  it("asks for the Node that electron-builder's dependencies declare, and only they ask for more than package.json's engines", () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    const demanding = above(/[\d.]+/.exec(engines)![0]);
    expect(demanding.length).toBeGreaterThan(0);
    expect(Math.max(...demanding.map((p) => version(p.min)))).toBe(version(distMinNode));
    const closure = builderClosure();
    expect(demanding.filter((p) => !closure.has(p.name)).map((p) => p.name)).toEqual([]);
  });

  it.skipIf(version(process.versions.node) >= version(distMinNode))("on an older Node it stops with one line naming both versions", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "electron", "dist-preflight.mjs")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(`needs Node >= ${distMinNode}`)]);
    expect(r.stderr).toContain(process.versions.node);
  });
});
