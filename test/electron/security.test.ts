import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import type { App, Session, WebContents } from "electron";
import {
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  installAppSecurity,
  installSessionSecurity,
  isAllowedNavigation,
  isTrustedSender,
  withContentSecurityPolicy,
} from "../../electron/security";

import { RENDERER_URL } from "../../electron/app-origin";

/** The page main.ts loads: app://fis/index.html, served by electron/app-protocol.ts. */
const RENDERER = RENDERER_URL;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe("CONTENT_SECURITY_POLICY", () => {
  const d = directives(CONTENT_SECURITY_POLICY);

  it("allows only the app's own scripts: no inline script, no eval, no remote origin", () => {
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic|https?:|\*/);
  });

  it("allows inline styles only (AG Grid), data: images, and same-origin connections", () => {
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
  });

  it("forbids plugins, <base>, framing and form posts", () => {
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'none'"]);
  });

  it("replaces any CSP header a response carries, whatever its case", () => {
    const out = withContentSecurityPolicy({ "content-security-policy": ["default-src *"], "X-Other": ["1"] });
    expect(out).toEqual({ "X-Other": ["1"], "Content-Security-Policy": [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ "Content-Security-Policy": [CONTENT_SECURITY_POLICY] });
  });
});

describe("navigation allowlist", () => {
  it.each([
    [RENDERER, true],
    [`${RENDERER}#/compare`, true],
    [`${RENDERER}?x=1`, true],
    ["app://FIS/index.html", true], // hosts are case-insensitive
    ["app://fis/other.html", false],
    ["app://evil/index.html", false],
    ["app://user@fis/index.html", false],
    // The old file:// page is no longer ours (GrantFileProtocolExtraPrivileges is off).
    ["file:///opt/Fiscal%20Impact%20Studio/resources/app.asar/out/renderer/index.html", false],
    ["file:///etc/passwd", false],
    ["https://example.com/", false],
    ["http://localhost:5173/", false],
    ["javascript:alert(1)", false],
    ["data:text/html,<script>alert(1)</script>", false],
    ["about:blank", false],
    ["not a url", false],
    ["", false],
  ])("%s -> %s", (url, allowed) => {
    expect(isAllowedNavigation(url, RENDERER)).toBe(allowed);
  });

  it("refuses non-strings", () => {
    expect(isAllowedNavigation(undefined, RENDERER)).toBe(false);
    expect(isAllowedNavigation(null, RENDERER)).toBe(false);
  });
});

describe("IPC sender check", () => {
  it("accepts only the top frame of the app's own page", () => {
    expect(isTrustedSender({ url: RENDERER, parent: null }, RENDERER)).toBe(true);
    expect(isTrustedSender({ url: `${RENDERER}#/inputs`, parent: null }, RENDERER)).toBe(true);
  });

  it.each([
    ["another origin", { url: "https://evil.example/index.html", parent: null }],
    ["a file:// page", { url: "file:///tmp/evil/index.html", parent: null }],
    ["another app:// page", { url: "app://fis/evil.html", parent: null }],
    ["a data: page", { url: "data:text/html,hi", parent: null }],
    ["an iframe of the app's page", { url: RENDERER, parent: { url: RENDERER } }],
    ["a destroyed frame", null],
  ])("refuses %s", (_label, frame) => {
    expect(isTrustedSender(frame, RENDERER)).toBe(false);
  });
});

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe("hardenWebContents", () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, RENDERER);

  it.each(["will-navigate", "will-redirect", "will-frame-navigate"])(
    "%s to a remote URL is cancelled, to the app's page is not",
    (name) => {
      const away = navEvent("https://evil.example/");
      contents.emit(name, away, away.url);
      expect(away.preventDefault).toHaveBeenCalled();
      const home = navEvent(RENDERER);
      contents.emit(name, home, home.url);
      expect(home.preventDefault).not.toHaveBeenCalled();
    },
  );

  it("denies every window.open", () => {
    expect(contents.openHandler?.({ url: RENDERER })).toEqual({ action: "deny" });
    expect(contents.openHandler?.({ url: "https://example.com" })).toEqual({ action: "deny" });
  });

  it("refuses to attach a <webview>", () => {
    const event = { preventDefault: vi.fn() };
    contents.emit("will-attach-webview", event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it("is applied to every webContents the app creates", () => {
    const app = new EventEmitter();
    installAppSecurity(app as unknown as App, RENDERER);
    const created = new FakeWebContents();
    app.emit("web-contents-created", {}, created);
    expect(created.openHandler?.({ url: "https://example.com" })).toEqual({ action: "deny" });
    expect(created.listenerCount("will-navigate")).toBe(1);
  });
});

describe("installSessionSecurity", () => {
  // Given a fake session recording what gets installed
  let headersListener: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
  let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
  let checkHandler: (() => boolean) | undefined;
  let deviceHandler: (() => boolean) | undefined;
  const session = Object.assign(new EventEmitter(), {
    webRequest: { onHeadersReceived: (l: typeof headersListener) => (headersListener = l) },
    setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
    setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    setDevicePermissionHandler: (h: typeof deviceHandler) => (deviceHandler = h),
  });
  installSessionSecurity(session as unknown as Session);

  it("adds the CSP header to every response", () => {
    const cb = vi.fn();
    headersListener?.({ responseHeaders: { "Content-Type": ["text/html"] } }, cb);
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { "Content-Type": ["text/html"], "Content-Security-Policy": [CONTENT_SECURITY_POLICY] },
    });
  });

  it.each(["media", "geolocation", "notifications", "openExternal", "clipboard-read", "fullscreen", "unknown"])(
    "denies the %s permission",
    (permission) => {
      const cb = vi.fn();
      requestHandler?.({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(checkHandler?.()).toBe(false);
      expect(deviceHandler?.()).toBe(false);
    },
  );

  it("cancels downloads", () => {
    const event = { preventDefault: vi.fn() };
    session.emit("will-download", event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
