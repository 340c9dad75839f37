import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { keepGridStyles, quietSelectAllInGrids } from "./grid/ag-setup";
import { AppProvider } from "./state/context";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
quietSelectAllInGrids(document);
// After the first render, when the page is idle: the app's first grid has added the sheets by then.
requestIdleCallback(() => keepGridStyles(document), { timeout: 2_000 });
createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
);
