/** AG Grid Community modules and the app's grid theme, registered once. */
import { AllCommunityModule, ModuleRegistry, themeQuartz } from "ag-grid-community";

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  accentColor: "#1f5fa8",
  wrapperBorderRadius: 4,
});
