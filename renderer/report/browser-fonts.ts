/**
 * The PDF fonts in the app: the Tinos text faces inlined into the document chunk (about 80 KB as
 * data URLs, no fetch, which a file:// page could not make), the DejaVu Serif fallback in a chunk
 * of its own loaded only for a document with a character Tinos lacks.
 */
import normal from "@fontsource/tinos/files/tinos-latin-400-normal.woff?inline";
import bold from "@fontsource/tinos/files/tinos-latin-700-normal.woff?inline";
import italics from "@fontsource/tinos/files/tinos-latin-400-italic.woff?inline";
import bolditalics from "@fontsource/tinos/files/tinos-latin-700-italic.woff?inline";
import type { PdfFontSource } from "../../model/report/fonts";

/** "data:font/woff;base64,..." -> its bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(",") + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const browserFonts: PdfFontSource = {
  text: async () => ({
    normal: dataUrlBytes(normal),
    bold: dataUrlBytes(bold),
    italics: dataUrlBytes(italics),
    bolditalics: dataUrlBytes(bolditalics),
  }),
  fallback: async () => {
    const fonts = await import("./fallback-fonts");
    return { normal: dataUrlBytes(fonts.normal), bold: dataUrlBytes(fonts.bold) };
  },
};
