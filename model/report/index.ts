/** Documents generated from scenarios: the fiscal impact statement and the comparison memo, and their Word and PDF writers. */
export * from "./document";
export { buildFisDocument, type DocumentOptions } from "./fis-document";
export { buildMemoDocument, changeWords } from "./memo-document";
export { renderDocx } from "./docx";
export { renderPdf, type PdfMake } from "./pdf";
export type { PdfFontSource, FontBytes, FallbackBytes } from "./fonts";
