/** The part of fontkit (pdfmake's own font reader, through pdfkit) the coverage test reads. */
declare module "fontkit" {
  export function openSync(path: string): { characterSet: number[] };
}
