/**
 * A column header that shows its name and nothing else. AG Grid's own header builds a menu button,
 * a filter button, a filter icon and a sort indicator for every column, all hidden here (the FIS
 * tables neither sort, filter nor open menus); making those took most of a grid's creation: about
 * 4 ms a column on a slow machine, 130 of the 200-odd ms a 30-year table took to appear. The
 * markup and classes are AG Grid's, so the theme, the tests and the screen look the same.
 */
import type { IHeaderComp, IHeaderParams } from "ag-grid-community";

export class PlainHeader implements IHeaderComp {
  private gui: HTMLElement = document.createElement("div");
  private text: HTMLElement = document.createElement("span");

  init(params: IHeaderParams): void {
    this.gui.className = "ag-cell-label-container";
    this.gui.setAttribute("role", "presentation");
    const label = document.createElement("div");
    label.className = "ag-header-cell-label";
    label.setAttribute("role", "presentation");
    this.text.className = "ag-header-cell-text";
    this.text.textContent = params.displayName;
    label.append(this.text);
    this.gui.append(label);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: IHeaderParams): boolean {
    this.text.textContent = params.displayName;
    return true;
  }
}
