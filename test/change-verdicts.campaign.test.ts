// The change report's verdicts against the compiler on pairs of specs one random edit apart
// (test/support/spec-mutations.ts): every operation's names, arguments, result and errors, and
// every schema kept, for 240 seeded pairs. A failure names its seed and edit; replay it with
// mutationPair(seed).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disagrees, runOracle } from "./support/compat-oracle.js";
import { mutationCases } from "./support/spec-mutations.js";

const PAIRS = 240;
const BATCH = 80;

describe("verdicts on random edits", () => {
  it.each(Array.from({ length: PAIRS / BATCH }, (_, i) => i))("batch %i", async (batch) => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-mutations-"));
    const cases = mutationCases(
      Array.from({ length: BATCH }, (_, i) => batch * BATCH + i + 1),
      dir,
    );
    const verdicts = await runOracle(cases, dir);
    expect(verdicts.length).toBeGreaterThan(BATCH * 20);
    expect(verdicts.filter(disagrees)).toEqual([]);
  });
});
