/** The origin the renderer is served from (app-protocol.ts); constants only, shared with security.ts. */
export const APP_SCHEME = "app";
export const APP_HOST = "fis";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page the window loads. */
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;
