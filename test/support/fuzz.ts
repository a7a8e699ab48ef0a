import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { hasErrors } from "../../generator/diagnostics.js";
import { generate } from "../../generator/pipeline.js";
import { typeCheck } from "./compile.js";
import { prettierChanges } from "./layout.js";
import { randomSpecArb } from "./random-spec.js";

/**
 * The property test of issue 5, part 4, over `runs` random specs. Each must generate without a
 * crash (or be refused with diagnostics, never thrown at), regenerate byte-identically, and
 * compile strictly; every third must be exactly what prettier prints (the rest would cost minutes
 * of prettier). Compiles are batched: every case's output goes in its own folder, then one program
 * checks a hundred at a time. An error names the case's folder, whose spec.json replays it.
 */
export async function fuzz(runs: number, seed: number): Promise<void> {
  console.log(`fuzz: ${runs} cases, seed ${seed} (replay: npm run fuzz -- --runs ${runs} --seed ${seed})`);
  const root = mkdtempSync(join(tmpdir(), "specforge-fuzz-"));
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  const entries: string[] = [];
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(randomSpecArb, async (spec) => {
      const dir = join(root, String(entries.length + refused));
      mkdirSync(dir);
      writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
      const checkLayout = (entries.length + refused) % 3 === 0;
      const first = await generate(join(dir, "spec.json"));
      if (!first.ok) {
        expect(hasErrors(first.diagnostics)).toBe(true);
        refused++;
        return;
      }
      const again = await generate(join(dir, "spec.json"));
      expect(again.ok && again.files).toEqual(first.files);
      if (checkLayout) expect(await prettierChanges(first.files)).toEqual([]);
      for (const file of first.files) {
        mkdirSync(dirname(join(dir, "out", file.path)), { recursive: true });
        writeFileSync(join(dir, "out", file.path), file.content);
      }
      entries.push(join(dir, "out", "index.ts"));
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  console.log(`fuzz: ${entries.length} generated, ${refused} refused`);
  for (let i = 0; i < entries.length; i += 100) expect(typeCheck(entries.slice(i, i + 100), "nodenext")).toEqual([]);
}

/** CI gates a submission, so it replays a fixed seed there; elsewhere every run explores a new one. SPECFORGE_FUZZ_SEED overrides both. */
export function fuzzSeed(): number {
  const seed = process.env.SPECFORGE_FUZZ_SEED;
  if (seed !== undefined) return Number(seed);
  return process.env.CI ? 20261126 : Date.now() % 2 ** 31;
}
