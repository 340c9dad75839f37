/** pdfmake ships no types; both of its entries expose the API described by PdfMake (pdf.ts). */
declare module "pdfmake" {
  const pdfmake: import("./pdf").PdfMake;
  export default pdfmake;
}
declare module "pdfmake/build/pdfmake" {
  const pdfmake: import("./pdf").PdfMake;
  export default pdfmake;
}
