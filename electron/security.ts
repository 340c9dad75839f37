/**
 * Hardening for the app's one window. Each rule names the threat it stops and its item in Electron's
 * security checklist (docs/tutorial/security.md). The decisions are pure functions (unit-tested in
 * plain Node); the install* functions only wire them to Electron objects, which are passed in, so
 * this module imports nothing from Electron at runtime.
 */
import type { App, Session, WebContents } from "electron";
import { APP_SCHEME } from "./app-origin";

/**
 * Checklist #7. Everything comes from the app's own bundle ('self' = the app://fis origin, app-protocol.ts):
 * no remote scripts, no eval, no plugins, no <base> tricks, no framing, no form posts.
 * style-src needs 'unsafe-inline' because AG Grid sets inline style attributes and injects <style>
 * elements for row/column positioning and theming; scripts stay strict, which is what matters.
 * img-src and font-src allow data: because AG Grid's theme icons and the bundled fonts may be
 * inlined by Vite as data: URLs (small assets are inlined at build time); data: cannot run script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join("; ");

/**
 * The same policy for a <meta http-equiv> tag: frame-ancestors is dropped because browsers ignore it
 * there (with a console warning); the response header and the no-frames rules still apply it.
 */
export function contentSecurityPolicyForMetaTag(): string {
  return CONTENT_SECURITY_POLICY.split("; ")
    .filter((directive) => !directive.startsWith("frame-ancestors"))
    .join("; ");
}

/** An app:// URL (the scheme app-protocol.ts serves), or null for anything else. */
function parseAppUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.username === "" && parsed.password === "" ? parsed : null;
  } catch {
    return null;
  }
}

/** Same renderer document: app: scheme, the same host, identical path. Query and fragment may differ. */
export function isSameRendererDocument(url: string | undefined | null, rendererUrl: string): boolean {
  if (typeof url !== "string") return false;
  const target = parseAppUrl(url);
  const own = parseAppUrl(rendererUrl);
  return target !== null && own !== null && target.host.toLowerCase() === own.host.toLowerCase() && target.pathname === own.pathname;
}

/**
 * Checklist #13: the window may only (re)load the app's own page. Links, redirects, `location = ...`,
 * drag-and-dropped files and frame navigations to anything else are cancelled.
 */
export function isAllowedNavigation(url: string | undefined | null, rendererUrl: string): boolean {
  return isSameRendererDocument(url, rendererUrl);
}

/** The part of an IPC event the sender check reads (Electron's WebFrameMain has both fields). */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Checklist #17: an IPC message is honoured only from the top-level frame of the app's own renderer page.
 * A null frame (navigated away or destroyed), an iframe, or any other URL (http:, https:, data:,
 * file:, another app:// page) is refused.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, rendererUrl: string): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isSameRendererDocument(frame.url, rendererUrl);
}

/** Returns headers with the app's CSP replacing any the response carried (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Record<string, string | string[]> | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== "content-security-policy") out[name] = value;
  }
  out["Content-Security-Policy"] = [CONTENT_SECURITY_POLICY];
  return out;
}

/**
 * Session-wide rules for the default session:
 * - #7 CSP on every response (the app:// handler also sets it on each of its own responses, and
 *   electron.vite.config.ts writes it into index.html as a meta tag).
 * - #5 deny every permission request and check (camera, geolocation, notifications, HID, serial...).
 * - no downloads: files leave the app only through the export dialog.
 */
export function installSessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on("will-download", (event) => event.preventDefault());
}

/**
 * Per-webContents rules:
 * - #13 will-navigate / will-redirect / will-frame-navigate: cancelled unless to the app's own page;
 * - #14 window.open and target=_blank: denied (the app never opens a second window or an external URL);
 * - #12 <webview>: attaching one is refused (webviewTag is also false in the window options).
 */
export function hardenWebContents(contents: WebContents, rendererUrl: string): void {
  const guard = (event: { url?: string; preventDefault(): void }, legacyUrl?: string) => {
    if (!isAllowedNavigation(event.url ?? legacyUrl, rendererUrl)) event.preventDefault();
  };
  contents.on("will-navigate", (event, url) => guard(event, url));
  contents.on("will-redirect", (event, url) => guard(event, url));
  contents.on("will-frame-navigate", (event) => guard(event));
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: "deny" }));
}

/** Applies hardenWebContents to every webContents the app ever creates, before it can navigate. */
export function installAppSecurity(app: App, rendererUrl: string): void {
  app.on("web-contents-created", (_event, contents) => hardenWebContents(contents, rendererUrl));
}
