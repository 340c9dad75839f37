import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./grid/ag-setup";
import { AppProvider } from "./state/context";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
);
