import { chromium } from "playwright-core";
import { serveStatic } from "./static-server";
const dir = process.argv[2]!;
const TAB = process.env.SCREEN ?? "table";
(async () => {
  const server = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
  await page.goto(server.url);
  await page.locator('[data-testid="fis-grid"] [row-id="costFundedByWia"] [col-id="Total"]').waitFor();
  await page.click(`[data-testid="tab-${TAB}"]`);
  await page.waitForTimeout(800);
  const cost = async (hide: string) => page.evaluate(`(async () => {
    const style = document.createElement('style'); style.textContent = ${JSON.stringify(hide)} ? ${JSON.stringify(hide)} + ' { display: none !important }' : ''; document.head.appendChild(style);
    document.body.offsetHeight;
    const panel = document.querySelector('.tabpanel');
    const t = [];
    for (let i = 0; i < 15; i++) {
      panel.style.paddingRight = (i % 2) + 'px';
      const a = performance.now(); document.body.offsetHeight; t.push(performance.now() - a);
      await new Promise((r) => setTimeout(r, 10));
    }
    panel.style.paddingRight = ''; style.remove(); document.body.offsetHeight;
    t.sort((x, y) => x - y); return t[7].toFixed(2) + ' objs ' + document.querySelectorAll('.tabpanel *').length;
  })()`);
  const parts = (process.env.PARTS ?? "").split(";;");
  for (const p of ["", ...parts.filter(Boolean)]) console.log((p || "(all)").padEnd(60), await cost(p));
  await browser.close(); await server.close(); process.exit(0);
})();
