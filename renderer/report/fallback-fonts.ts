/** DejaVu Serif, for characters the text font lacks (≥, →, Greek): a chunk of its own, loaded only when needed. */
export { default as normal } from "dejavu-fonts-ttf/ttf/DejaVuSerif.ttf?inline";
export { default as bold } from "dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf?inline";
