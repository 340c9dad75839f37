#!/usr/bin/env node
/**
 * The app icons, all generated from icon.svg beside this file:
 *   icons/NxN.png  Linux (AppImage, deb), 16 to 1024 px
 *   icon.ico       Windows (NSIS and the .exe), 16 to 256 px
 *   icon.icns      macOS (DMG and the .app), up to 1024 px
 *
 *   node electron/resources/make-icons.mjs           write them
 *   node electron/resources/make-icons.mjs --check   exit 1 if a committed file differs from what icon.svg gives
 *
 * SVG to PNG by resvg (@resvg/resvg-js) at each size, so small icons are drawn, not shrunk;
 * ICO and ICNS packed by png2icons from the 1024 px drawing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import png2icons from "png2icons";

const HERE = dirname(fileURLToPath(import.meta.url));
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function png(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng());
}

/** File path (relative to this folder) -> contents. */
export function renderIcons() {
  const svg = readFileSync(join(HERE, "icon.svg"));
  const files = new Map();
  for (const size of PNG_SIZES) files.set(`icons/${size}x${size}.png`, png(svg, size));
  const largest = files.get("icons/1024x1024.png");
  // forWinExe: the layers Windows Explorer and the installer use, 256 px stored as PNG.
  const ico = png2icons.createICO(largest, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error("png2icons could not pack the icons");
  files.set("icon.ico", ico);
  files.set("icon.icns", icns);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes("--check");
  const stale = [];
  for (const [name, contents] of renderIcons()) {
    const path = join(HERE, name);
    if (check) {
      if (!existsSync(path) || !readFileSync(path).equals(contents)) stale.push(relative(process.cwd(), path));
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }
  if (stale.length) {
    process.stderr.write(`icons differ from icon.svg: ${stale.join(", ")}; run node electron/resources/make-icons.mjs\n`);
    process.exit(1);
  }
}
