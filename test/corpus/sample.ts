import { mkdtempSync, rmSync } from "node:fs";
import { expect } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileBatch } from "./compile-batch.js";
import { generateInto } from "./generate-one.js";
import { REASONS } from "./reasons.js";
import { cause } from "./report.js";
import { passed, type CorpusRow } from "./row.js";
import { chooseSpecs, corpusSpecs, outputFolder } from "./specs.js";

/** Outputs per tsc program: one program for the default sample, a few for the larger one. */
const BATCH = 100;

/**
 * The corpus run in-process, for the test suites: a seeded sample generated one spec after the
 * other, the outputs compiled in batched programs. `npm run corpus` runs the same steps in a
 * worker pool, with a time limit per spec.
 */
export async function corpusSample(size: number, seed: number): Promise<CorpusRow[]> {
  const work = mkdtempSync(join(tmpdir(), "specforge-corpus-sample-"));
  try {
    const rows: CorpusRow[] = [];
    for (const spec of chooseSpecs(corpusSpecs(), { sample: size, seed }))
      rows.push(await generateInto(spec.id, spec.file, outputFolder(work, spec)));
    const generated = rows.filter((r) => r.out !== undefined);
    for (let i = 0; i < generated.length; i += BATCH) {
      const batch = generated.slice(i, i + BATCH);
      const byFolder = compileBatch(batch.map((r) => r.out!));
      for (const r of batch) r.compileErrors = byFolder.get(r.out!) ?? [];
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Specs that neither generated and compiled nor are refused for a reason docs/corpus.md gives
 * (test/corpus/reasons.ts), each with what went wrong.
 */
export const unexplained = (rows: CorpusRow[]): string[] =>
  rows.filter((r) => !passed(r) && !(r.exit === 2 && REASONS[r.id] !== undefined)).map((r) => `${r.id}: exit ${r.exit}: ${cause(r)}`);

/** The test both tiers run: a seeded sample, every spec generated and compiled or refused for a listed reason. */
export async function checkSample(size: number, seed: number): Promise<void> {
  const rows = await corpusSample(size, seed);
  expect(rows).toHaveLength(size);
  expect(unexplained(rows)).toEqual([]);
  console.log(`corpus sample (seed ${seed}): ${rows.filter(passed).length} of ${rows.length} generated and compiled`);
}
