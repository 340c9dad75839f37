/**
 * The renderer is served from app://fis/ instead of file:// (Electron security checklist: "use a
 * custom protocol instead of file://"). A file:// page can read any file the user can, and needs
 * the GrantFileProtocolExtraPrivileges fuse; app://fis/ is an origin of its own that serves only
 * the built renderer folder, so that fuse is off (electron-builder.yml).
 *
 * The scheme is registered before the app is ready as standard (a real origin, relative URLs and
 * 'self' in the CSP work), secure (a secure context, as https is) and supportFetchAPI (module
 * scripts and Web Workers are fetched). The handler is a pure function of the request and the
 * folder, unit-tested without Electron:
 *   - GET (and HEAD) only; anything else is 405;
 *   - only app://fis/...; the path is decoded segment by segment and must stay inside the folder
 *     ("..", encoded slashes or backslashes, NUL: 404);
 *   - a MIME type by extension (module scripts need a JavaScript type), nosniff;
 *   - the app's Content-Security-Policy header on every response, errors included.
 */
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { APP_HOST, APP_SCHEME } from "./app-origin";
import { CONTENT_SECURITY_POLICY } from "./security";

export { APP_HOST, APP_ORIGIN, APP_SCHEME, RENDERER_URL } from "./app-origin";

/** For protocol.registerSchemesAsPrivileged, before app "ready". */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export interface AppRequestLike {
  readonly url: string;
  readonly method: string;
}

export interface AppProtocolDeps {
  /** Reads a file under the folder (Electron's fs reads inside app.asar). Default node:fs/promises. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

function respond(status: number, body: Uint8Array | string | null, headers: Record<string, string> = {}): Response {
  return new Response(body as ConstructorParameters<typeof Response>[0], {
    status,
    headers: {
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      ...(typeof body === "string" ? { "Content-Type": "text/plain; charset=utf-8" } : {}),
      ...headers,
    },
  });
}

/** The file an app:// URL names inside `root`, or null when it names nothing there. */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST || parsed.username || parsed.password) return null;
  const segments: string[] = [];
  for (const raw of parsed.pathname.split("/")) {
    if (raw === "") continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // An encoded "/" or "\" would smuggle a separator past the split; "." and ".." are never files here.
    if (segment === "." || segment === ".." || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const file = segments.length === 0 ? join(base, "index.html") : join(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}

/** The protocol.handle handler for app://fis/, serving only files under `rootDir`. */
export function createAppProtocolHandler(rootDir: string, deps: AppProtocolDeps = {}): (request: AppRequestLike) => Promise<Response> {
  const read = deps.readFile ?? ((p: string) => readFile(p));
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return respond(405, "method not allowed", { Allow: "GET, HEAD" });
    const file = resolveAppPath(request.url, rootDir);
    if (file === null) return respond(404, "not found");
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return respond(404, "not found");
    }
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    return respond(200, request.method === "HEAD" ? null : body, { "Content-Type": type, "Content-Length": String(body.byteLength) });
  };
}
