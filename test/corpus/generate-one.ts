import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { generate } from "../../generator/pipeline.js";
import type { CorpusRow } from "./row.js";

/**
 * Generates one spec in-process, as `specforge generate` would, and writes its TypeScript files
 * to `out`. Every exception is caught and reported as a crash: the corpus counts internal errors.
 */
export async function generateInto(id: string, file: string, out: string): Promise<CorpusRow> {
  const row: CorpusRow = {
    id,
    bytes: statSync(file).size,
    operations: 0,
    schemas: 0,
    exit: 0,
    warnings: {},
    errors: {},
    ms: 0,
    outputBytes: 0,
  };
  const start = performance.now();
  try {
    const result = await generate(file);
    row.ms = Math.round(performance.now() - start);
    for (const d of result.diagnostics) {
      if (d.severity === "warning") row.warnings[d.code] = (row.warnings[d.code] ?? 0) + 1;
      else row.errors[d.code] ??= `${d.message} (at #${d.pointer})`;
    }
    if (!result.ok || Object.keys(row.errors).length > 0) {
      row.exit = 2;
      return row;
    }
    row.operations = result.api.operations.length;
    row.schemas = result.api.schemas.length;
    rmSync(out, { recursive: true, force: true });
    for (const f of result.files.filter((f) => f.path.endsWith(".ts"))) {
      mkdirSync(dirname(join(out, f.path)), { recursive: true });
      writeFileSync(join(out, f.path), f.content);
      row.outputBytes += f.content.length;
    }
    row.out = out;
  } catch (error) {
    row.ms = Math.round(performance.now() - start);
    row.exit = "crash";
    row.crash = error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 6).join("\n") : String(error);
  }
  return row;
}
