/**
 * Reading generated documents back with tools outside the program: pdftotext (poppler-utils) for a
 * PDF, unzip for a .docx's word/document.xml, LibreOffice to convert a .docx, pdftoppm to render.
 * Heavy (LibreOffice): run this suite under the machine's heavy-work lock (flock /tmp/fis-heavy.lock
 * npx vitest run ...); the test does not take the lock itself, since a suite already run under it
 * would then wait for itself.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ARTIFACTS = join(process.cwd(), "test-artifacts", "report");

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), "fis-report-"));
}

/** The PDF's text in reading order, whitespace runs collapsed to one space. */
export function pdfText(bytes: Uint8Array): string {
  const dir = scratch();
  const file = join(dir, "doc.pdf");
  writeFileSync(file, bytes);
  return squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
}

export function pdfPages(bytes: Uint8Array): number {
  const dir = scratch();
  const file = join(dir, "doc.pdf");
  writeFileSync(file, bytes);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

export function pdfFonts(bytes: Uint8Array): string {
  const dir = scratch();
  const file = join(dir, "doc.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdffonts", [file], { encoding: "utf8" });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text of word/document.xml: each paragraph and table cell a space apart, entities decoded. */
export function docxText(bytes: Uint8Array): string {
  return squash(
    docxXml(bytes)
      .replace(/<\/w:p>|<w:tab\/>|<\/w:tc>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!),
  );
}

export function docxXml(bytes: Uint8Array, part = "word/document.xml"): string {
  const dir = scratch();
  const file = join(dir, "doc.docx");
  writeFileSync(file, bytes);
  return execFileSync("unzip", ["-p", file, part], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Each needle found after the previous one: the figures appear in this order. Returns the first one missing or out of order. */
export function missingInOrder(text: string, needles: readonly string[], from = 0): string | undefined {
  let at = from;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    if (found < 0) return needle;
    at = found + needle.length;
  }
  return undefined;
}

/** A .docx converted to PDF by LibreOffice headless; throws with LibreOffice's output when it fails. */
export function libreOfficeToPdf(docx: Uint8Array, name: string): Uint8Array {
  const dir = scratch();
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, docx);
  const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
  execFileSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 180_000, stdio: "pipe" });
  return readFileSync(join(dir, `${name}.pdf`));
}

/** The first page rendered to PNG (kept in test-artifacts/report to be looked at); returns its path. */
export function renderFirstPage(pdf: Uint8Array, name: string, page = 1): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const prefix = join(ARTIFACTS, `${name}-page${page}`);
  execFileSync("pdftoppm", ["-r", "80", "-png", "-singlefile", "-f", String(page), "-l", String(page), file, prefix]);
  return `${prefix}.png`;
}
