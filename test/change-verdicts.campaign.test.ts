// The change report's verdicts against the compiler on pairs of specs one random edit apart
// (test/support/spec-mutations.ts): every operation's names, arguments, result and errors, and
// every schema kept, for 240 seeded pairs. A failure names its seed and edit; replay it with
// mutationPair(seed).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disagrees, runOracle } from "./support/compat-oracle.js";
import { mutationPair } from "./support/spec-mutations.js";

const PAIRS = 240;
const BATCH = 80;

describe("verdicts on random edits", () => {
  it.each(Array.from({ length: PAIRS / BATCH }, (_, i) => i))("batch %i", async (batch) => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-mutations-"));
    const cases = Array.from({ length: BATCH }, (_, i) => {
      const seed = batch * BATCH + i + 1;
      const { before, after, edit } = mutationPair(seed);
      writeFileSync(join(dir, `${seed}-before.json`), JSON.stringify(before));
      writeFileSync(join(dir, `${seed}-after.json`), JSON.stringify(after));
      return { name: `seed ${seed}: ${edit}`, before: join(dir, `${seed}-before.json`), after: join(dir, `${seed}-after.json`) };
    });
    const verdicts = await runOracle(cases, dir);
    expect(verdicts.length).toBeGreaterThan(BATCH * 20);
    expect(verdicts.filter(disagrees)).toEqual([]);
  });
});
