import { fisAsPublished } from "../model/built-ins";
import { monteCarlo } from "../model/engine/risk/monte-carlo";
import { validateScenario } from "../model/engine/scenario/schema";
const avg = fisAsPublished();
const a = { ...avg, uncertainty: { inputs: { "groups.wtu.members": { distribution: "uniform", min: "5660.48", max: "5891.52" }, "items.baseSalary.steps.2025-10-01.amount": { distribution: "triangular", min: "0.02", mode: "0.03", max: "0.04" } } } };
const va = validateScenario(JSON.parse(JSON.stringify(a))); if (!va.ok) throw 1;
for (let i = 0; i < 3; i++) monteCarlo(va.value, { draws: 2000 });
const t0 = performance.now(); for (let i = 0; i < 5; i++) monteCarlo(va.value, {}); console.log("avg 10k ms", ((performance.now() - t0) / 5).toFixed(0));
