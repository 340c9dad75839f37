/**
 * File → "Census template…": an empty census file whose header is the one the census import reads,
 * identical to examples/census/census-template.csv; the message points to the filled-in sample.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExportRequest, PlatformApi, PlatformResult } from "../../electron/ipc/contract";
import { censusTemplateCsv } from "../../model/engine/schedule/census";
import { importCensus } from "../../model/io/census-import";
import { saveCensusTemplate } from "../../renderer/state/file-commands";
import { initialState, reducer, type Action } from "../../renderer/state/store";

const ok = <T>(value: T): PlatformResult<T> => ({ ok: true, value });

describe("the census template", () => {
  it("is saved as census-template.csv, the header row of the census import, and the message names the sample", async () => {
    let state = initialState();
    const exported: ExportRequest[] = [];
    const platform = {
      kind: "browser",
      exportFile: async (req: ExportRequest) => {
        exported.push(req);
        return ok({ token: "t".repeat(32), name: req.suggestedName });
      },
    } as unknown as PlatformApi;
    await saveCensusTemplate({ platform, getState: () => state, dispatch: (a: Action) => void (state = reducer(state, a)) });
    expect(exported).toHaveLength(1);
    expect(exported[0]!.suggestedName).toBe("census-template.csv");
    const text = new TextDecoder().decode(exported[0]!.bytes);
    expect(text).toBe("schedule,lane,step,years of service,headcount\n");
    expect(text).toBe(readFileSync("examples/census/census-template.csv", "utf8"));
    expect(state.notice?.text).toContain("examples/census/sample-census.csv");
    expect(state.notice?.text).toContain("docs/census-files.md");
  });

  it("reads back as an empty census (refused) and, with one row filled in, as that row", () => {
    const empty = importCensus(new TextEncoder().encode(censusTemplateCsv()), "census-template.csv");
    expect(empty.ok).toBe(false);
    const filled = importCensus(new TextEncoder().encode(`${censusTemplateCsv()}ET15-10M,Bachelors,3,,24\n`), "filled.csv");
    expect(filled.ok && filled.value.cells.map((c) => [c.schedule, c.lane, c.step, c.headcount.toString()])).toEqual([
      ["ET15-10M", "Bachelors", 3, "24"],
    ]);
  });
});
