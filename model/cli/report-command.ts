/**
 * `fis -- --report OUT.docx|OUT.pdf [--scenario F] [--baseline B]`: the fiscal impact statement of
 * the scenario, or with --baseline the comparison memo (the scenario against the baseline), as a
 * Word or PDF file written atomically. The writers (docx, pdfmake) and the fonts are loaded only here.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname } from "node:path";
import pdfmake from "pdfmake";
import type { Scenario } from "../engine/index";
import {
  buildFisDocument,
  buildMemoDocument,
  renderDocx,
  renderPdf,
  type FisDocument,
  type PdfFontSource,
  type PdfMake,
} from "../report/index";
import { writeFileAtomic } from "../io/atomic-write";
import { FALLBACK_FONT_FILES, TEXT_FONT_FILES } from "../report/fonts";
import { UsageError } from "./args";
import { writeFailure } from "./input-files";

export const REPORT_FORMATS = [".docx", ".pdf"] as const;
export type ReportFormat = "docx" | "pdf";

export function reportFormat(path: string): ReportFormat {
  const ext = extname(path).toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(ext))
    throw new UsageError(`--report writes .docx or .pdf; "${path}" ends in ${ext === "" ? "no extension" : `"${ext}"`}`);
  return ext === ".docx" ? "docx" : "pdf";
}

/** Resolves a file of an installed package from this module (the bundled CLI, or the sources under tsx and vitest). */
const resolvePackageFile = (spec: string): string => createRequire(import.meta.url).resolve(spec);

/** The fonts from the installed packages (resolved as the CLI's own dependencies). */
export const nodeFonts: PdfFontSource = {
  async text() {
    const read = (file: string) => readFile(resolvePackageFile(`@fontsource/tinos/files/${file}`));
    const [normal, bold, italics, bolditalics] = await Promise.all(
      [TEXT_FONT_FILES.normal, TEXT_FONT_FILES.bold, TEXT_FONT_FILES.italics, TEXT_FONT_FILES.bolditalics].map(read),
    );
    return { normal: normal!, bold: bold!, italics: italics!, bolditalics: bolditalics! };
  },
  async fallback() {
    const read = (file: string) => readFile(resolvePackageFile(`dejavu-fonts-ttf/ttf/${file}`));
    const [normal, bold] = await Promise.all([read(FALLBACK_FONT_FILES.normal), read(FALLBACK_FONT_FILES.bold)]);
    return { normal: normal!, bold: bold! };
  },
};

/** pdfmake's Node entry is a CommonJS instance; bundlers and loaders differ in where they put it. */
const pdfmakeNode: PdfMake = ((pdfmake as unknown as { default?: PdfMake }).default ?? pdfmake) as PdfMake;

export async function renderDocument(doc: FisDocument, format: ReportFormat, scenarios: readonly Scenario[] = []): Promise<Uint8Array> {
  return format === "docx" ? renderDocx(doc) : renderPdf(doc, pdfmakeNode, nodeFonts, scenarios);
}

const today = (): string => new Date().toISOString().slice(0, 10);

export async function writeReport(path: string, scenario: Scenario, baseline: Scenario | undefined): Promise<FisDocument> {
  const format = reportFormat(path);
  const doc = baseline ? buildMemoDocument(baseline, scenario, { today: today() }) : buildFisDocument(scenario, { today: today() });
  const bytes = await renderDocument(doc, format, baseline ? [scenario, baseline] : [scenario]);
  try {
    await writeFileAtomic(path, bytes);
  } catch (e) {
    throw writeFailure(path, e);
  }
  return doc;
}
