/**
 * The scenario format as a JSON Schema, generated from the zod schema (the single source), for
 * editors: with "$schema" in a scenario file they complete keys and show each field's help, unit
 * and range. docs/scenario.schema.json is this, written by `npm run schema`; a test fails when the
 * committed file is stale.
 */
import { z } from "zod";
import { scenarioSchema } from "./schema";

export function scenarioJsonSchema(): Record<string, unknown> {
  // Schemas used in several places (a source, a Param of one field) are written once under $defs.
  const generated = z.toJSONSchema(scenarioSchema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
    reused: "ref",
  }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: "Fiscal Impact Studio scenario (schema version 2)",
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== "$schema")),
  };
}

export const scenarioJsonSchemaText = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
