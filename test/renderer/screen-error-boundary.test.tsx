// @vitest-environment happy-dom
/**
 * A screen that fails to render shows what failed where it would have been, and the rest of the app
 * (tabs, scenarios, toolbar) stays: before, one screen's exception blanked the whole window. Another
 * scenario or tab, or "Try again", shows the screen afresh.
 */
import { act } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it, vi } from "vitest";
import { ScreenErrorBoundary } from "../../renderer/panels/ScreenErrorBoundary";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let fail = true;
function Screen() {
  if (fail) throw new TypeError("Cannot read properties of undefined (reading 'times')");
  return <p>the screen</p>;
}

describe("a screen that throws", () => {
  it("is replaced by a message naming the screen and the error; the app around it stays; a new key or Try again shows it again", () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const container = document.createElement("div");
    document.body.appendChild(container);
    const root = createRoot(container);
    const app = (key: string) => (
      <div>
        <nav>tabs</nav>
        <ScreenErrorBoundary screen="Compare" resetKey={key}>
          <Screen />
        </ScreenErrorBoundary>
      </div>
    );
    fail = true;
    act(() => root.render(app("a")));
    expect(container.querySelector("nav")?.textContent).toBe("tabs");
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("The Compare screen could not be shown: Cannot read properties of undefined (reading 'times')");
    expect(alert?.textContent).toContain("Your scenarios and edits are kept");
    fail = false;
    act(() => root.render(app("b")));
    expect(container.textContent).toContain("the screen");
    fail = true;
    act(() => root.render(app("c")));
    fail = false;
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="screen-retry"]')!.click());
    expect(container.textContent).toContain("the screen");
    act(() => root.unmount());
    quiet.mockRestore();
  });
});
