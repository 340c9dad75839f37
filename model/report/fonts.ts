/**
 * The PDF's fonts. Tinos (metric-compatible with Times New Roman, SIL Open Font License, from
 * @fontsource/tinos) for the text: its "latin" subset covers ASCII, Latin-1 (× ½ é), general
 * punctuation (– — ‘ ’ “ ” … •), € and ™, 15 KB a style. Characters outside it (≥ ≤ → Greek
 * and so on) are drawn in DejaVu Serif (dejavu-fonts-ttf, free license), loaded only when a
 * document has one. The standard 14 PDF fonts cannot show ≥ at all (WinAnsi encoding).
 * The bytes are loaded by the caller (Node reads files, a browser worker fetches asset URLs).
 */
import tinosRanges from "@fontsource/tinos/unicode.json";
import { FALLBACK_RANGES_SPEC } from "./fallback-coverage";

/** The files a loader provides, by the names pdfmake is given. */
export const TEXT_FONT_FILES = {
  normal: "tinos-latin-400-normal.woff",
  bold: "tinos-latin-700-normal.woff",
  italics: "tinos-latin-400-italic.woff",
  bolditalics: "tinos-latin-700-italic.woff",
} as const;
export const FALLBACK_FONT_FILES = { normal: "DejaVuSerif.ttf", bold: "DejaVuSerif-Bold.ttf" } as const;

export type FontBytes = Record<keyof typeof TEXT_FONT_FILES, Uint8Array>;
export type FallbackBytes = Record<keyof typeof FALLBACK_FONT_FILES, Uint8Array>;

export interface PdfFontSource {
  text(): Promise<FontBytes>;
  fallback(): Promise<FallbackBytes>;
}

function parseRanges(spec: string): [number, number][] {
  return spec.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    const a = parseInt(from!, 16);
    return [a, to === undefined ? a : parseInt(to, 16)];
  });
}

const TEXT_RANGES = parseRanges((tinosRanges as Record<string, string>).latin!);

/** Whether the text font has the character (by the subset's declared range). */
export const textFontCovers = (codePoint: number): boolean => TEXT_RANGES.some(([a, b]) => codePoint >= a && codePoint <= b);

const FALLBACK_RANGES = parseRanges(FALLBACK_RANGES_SPEC);

/** Whether either font draws the character: one neither has would be left out of the PDF without a trace. */
const drawable = (codePoint: number): boolean =>
  textFontCovers(codePoint) || FALLBACK_RANGES.some(([a, b]) => codePoint >= a && codePoint <= b);

/** The characters of `text` that neither PDF font draws (Chinese, Devanagari, emoji...), each once, in order. */
export function undrawable(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) if (!drawable(ch.codePointAt(0)!) && !/\s/.test(ch)) out.add(ch);
  return [...out];
}

/** The text split into runs the text font covers and runs it does not (which the fallback font draws). */
export function splitByCoverage(text: string): { text: string; fallback: boolean }[] {
  const out: { text: string; fallback: boolean }[] = [];
  for (const ch of text) {
    const fallback = !textFontCovers(ch.codePointAt(0)!);
    const last = out[out.length - 1];
    if (last && last.fallback === fallback) last.text += ch;
    else out.push({ text: ch, fallback });
  }
  return out;
}
