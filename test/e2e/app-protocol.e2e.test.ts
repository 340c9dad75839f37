/**
 * The desktop renderer (electron.vite.config.ts's renderer build, CSP meta tag included) served
 * by the app:// handler itself (electron/app-protocol.ts). Electron cannot run here, so Chromium
 * reaches the handler over HTTP: every request becomes an app://fis/ request and the handler's
 * response (status, MIME type, CSP header) is sent back unchanged. Under that CSP the census import
 * still runs in its module worker, the assumptions import in its own, and the export loads its
 * code by dynamic import. The same page shows how files are refused in the app (the rules the
 * command line applies): a census gap named on the census screen, a decompression bomb, a Latin-1
 * byte by its offset, a date typed in Years of service; screenshots at 1280x720 and 1440x900.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../electron.vite.config";
import { createAppProtocolHandler } from "../../electron/app-protocol";
import { CONTENT_SECURITY_POLICY } from "../../electron/security";
import * as XLSX from "xlsx";
import { fisAsPublished } from "../../model/built-ins";
import { serializeScenario } from "../../model/engine/scenario/schema";
import { whitespaceBomb } from "../fixtures/hostile/bombs";
import { byTestId } from "./cells";
import { CHROMIUM_ARGS, chooseFile, shots } from "./harness";

let dir: string;
let server: Server;
let url: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];
const served: { path: string; status: number; type: string; csp: boolean }[] = [];
const tid = (id: string) => byTestId(page, id);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fis-app-protocol-e2e-"));
  const renderer = (config as { renderer: Record<string, unknown> & { build: Record<string, unknown> } }).renderer;
  const { build } = await import("vite");
  await build({
    ...renderer,
    configFile: false,
    logLevel: "warn",
    build: { ...renderer.build, outDir: path.join(dir, "renderer"), emptyOutDir: true },
  });
  const handler = createAppProtocolHandler(path.join(dir, "renderer"));
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const response = await handler({ url: `app://fis${req.url ?? "/"}`, method: req.method ?? "GET" });
    const headers = Object.fromEntries(response.headers.entries());
    served.push({
      path: req.url ?? "",
      status: response.status,
      type: headers["content-type"] ?? "",
      csp: headers["content-security-policy"] === CONTENT_SECURITY_POLICY,
    });
    res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
  };
  server = createServer((req, res) => void serve(req, res).catch(() => res.writeHead(500).end()));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  url = `http://127.0.0.1:${address.port}/index.html`;

  writeFileSync(path.join(dir, "ten-members.csv"), "schedule,lane,step,headcount,years of service\nET15-10M,Bachelors,3,10,3\n");
  writeFileSync(path.join(dir, "bomb.xlsx"), whitespaceBomb(300));

  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  const response = await page.goto(url);
  expect(response?.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  await tid("tab-census").waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function screenshots(name: string): Promise<void> {
  for (const [w, h] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${shots}${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe("the renderer served by the app:// handler", () => {
  it("every response carries the CSP and a script MIME type where a script is expected", () => {
    expect(served.length).toBeGreaterThan(2);
    expect(served.every((s) => s.csp)).toBe(true);
    for (const s of served.filter((x) => x.path.endsWith(".js"))) expect(s.type, s.path).toBe("text/javascript; charset=utf-8");
  });

  it("the census import runs in its module worker, and the census screen names the headcount gap", async () => {
    await chooseFile(page, "import-census", path.join(dir, "ten-members.csv"));
    await tid("tab-census").click();
    await expect.poll(() => tid("census-source").getAttribute("data-where"), { timeout: 30_000 }).toBe("worker");
    const gap = await tid("census-gap").innerText();
    expect(gap).toContain(
      'the census "ten-members.csv" has 10 members but the scenario\'s "Active members" is 5,776 (-99.8%, more than 1% apart)',
    );
    expect(gap).not.toContain("groups.wtu"); // the screen names the input by its label
    await screenshots("census-members-gap");
  });

  it("a decompression bomb handed to Import assumptions is refused, naming the limit, and the page stays usable", async () => {
    await tid("tab-table").click();
    await chooseFile(page, "import-assumptions", path.join(dir, "bomb.xlsx"));
    await expect.poll(() => tid("message-text").innerText(), { timeout: 30_000 }).toContain('Could not import "bomb.xlsx"');
    expect(await tid("message-details").innerText()).toMatch(/bomb\.xlsx: unpacks to 300 MB or more .*the limit for a workbook is 20 MB/);
    await screenshots("assumptions-bomb-refused");
    await tid("tab-inputs").click();
    await tid("tab-table").click();
  });

  it("Export to Excel loads its code by dynamic import and produces a workbook", async () => {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), tid("export-xlsx").click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(served.some((s) => /xlsx-export-.*\.js$/.test(s.path) && s.status === 200)).toBe(true);
  });

  it("Open reads text as the command line does: a UTF-16 scenario opens, a Latin-1 byte is named by offset", async () => {
    const text = serializeScenario(fisAsPublished());
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    writeFileSync(path.join(dir, "utf16.json"), utf16);
    await chooseFile(page, "file-open", path.join(dir, "utf16.json"));
    await expect.poll(() => tid("message-text").innerText(), { timeout: 30_000 }).toBe('Opened "utf16.json".');
    const latin1 = Buffer.from(text, "utf8");
    latin1[40] = 0xe9;
    writeFileSync(path.join(dir, "latin1.json"), latin1);
    await chooseFile(page, "file-open", path.join(dir, "latin1.json"));
    await expect
      .poll(() => tid("message-text").innerText(), { timeout: 30_000 })
      .toMatch(/^Open failed: "latin1\.json" is not valid UTF-8: byte 0xE9 at offset 40 \(line \d+\)/);
  });

  it("a census workbook with a date in Years of service is refused by row and column, as on the command line", async () => {
    const wb = XLSX.utils.book_new();
    const rows = [
      ["Schedule", "Lane", "Step", "Headcount", "Years of service"],
      ["ET15-10M", "Bachelors", 3, 10, new Date(Date.UTC(2019, 7, 15))],
    ];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Census");
    writeFileSync(path.join(dir, "dates.xlsx"), new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
    await chooseFile(page, "import-census", path.join(dir, "dates.xlsx"));
    await expect.poll(() => tid("message-text").innerText(), { timeout: 30_000 }).toContain('Could not import "dates.xlsx"');
    expect(await tid("message-details").innerText()).toContain(
      'dates.xlsx, sheet "Census", row 2, column E: years of service holds the date 2019-08-15, not a number of years',
    );
    await screenshots("census-date-refused");
  });

  it("nothing was refused by the CSP and nothing threw", () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
