/** The words for how a tornado bar moved its input. */
import { Decimal } from "../../model/engine/decimal";
import { rateText } from "../format/number";
import type { TornadoBarData } from "./jobs";

/**
 * A rate moves in percentage points ("±1 point"); where its range stopped it the step says so
 * ("+1 point; its lowest is 0%"), the chart's short form without the reason. Other inputs say the
 * engine's move ("±10%", "±1", "+1").
 */
export function stepText(b: Pick<TornadoBarData, "move" | "unit" | "value" | "low" | "high">, form: "full" | "short" = "full"): string {
  if (b.unit !== "rate" && b.unit !== "share") return b.move.replace(/-/g, "−");
  const value = new Decimal(b.value);
  const down = value.minus(b.low).times(100);
  const up = new Decimal(b.high).minus(value).times(100);
  const points = (d: Decimal) => `${d.toString()} point${d.equals(1) ? "" : "s"}`;
  const lowest = `its lowest is ${rateText(b.low)}`;
  const highest = `its highest is ${rateText(b.high)}`;
  const [step, stopped] = down.equals(up)
    ? [`±${points(up)}`]
    : down.isZero()
      ? [`+${points(up)}`, lowest]
      : up.isZero()
        ? [`−${points(down)}`, highest]
        : [`−${down.toString()} / +${points(up)}`, down.lessThan(up) ? lowest : highest];
  return form === "full" && stopped ? `${step}; ${stopped}` : step;
}
