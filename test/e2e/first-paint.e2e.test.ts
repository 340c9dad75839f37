/**
 * First paint does not wait for the app's script: index.html carries the app's frame (its header and a
 * loading line) as plain HTML, styled by the stylesheet in <head>, and React replaces it on its first render.
 * (The time to first contentful paint is measured in `npm run bench`, browser group.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shots, startApp, type App } from "./harness";

let app: App;
beforeAll(async () => {
  app = await startApp();
}, 60_000);
afterAll(async () => app?.close());

describe("the first paint", () => {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    it(`shows the app's header and a loading line before any script runs (${width}x${height})`, async () => {
      const { page, close } = await app.open({
        context: { viewport: { width, height } },
        prepare: (context) => context.route("**/*.js", (route) => route.abort()),
      });
      try {
        await expect.poll(() => page.locator("h1").textContent()).toBe("Fiscal Impact Studio");
        expect(await page.locator("main").getAttribute("aria-busy")).toBe("true");
        expect(await page.locator("main").innerText()).toBe("Loading the workspace…");
        // Styled from the first paint: the header bar is the app's (white, a rule below), not unstyled HTML.
        const header = await page.locator("header").evaluate((h) => getComputedStyle(h).borderBottomStyle);
        expect(header).toBe("solid");
        await page.screenshot({ path: `${shots}first-paint-frame-${width}x${height}.png` });
      } finally {
        await close();
      }
    });
  }

  it("the app replaces the frame: one header, no loading line, the table showing", async () => {
    const { page, errors, close } = await app.open({ context: { viewport: { width: 1280, height: 720 } } });
    try {
      await page.locator('[data-testid="fis-grid"] [row-id="costFundedByWia"] [col-id="Total"]').waitFor();
      expect(await page.locator("h1").count()).toBe(1);
      expect(await page.getByText("Loading the workspace…").count()).toBe(0);
      expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
