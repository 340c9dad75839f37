import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { quietSelectAllInGrids } from "./grid/ag-setup";
import { AppProvider } from "./state/context";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
quietSelectAllInGrids(document);
createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
);
