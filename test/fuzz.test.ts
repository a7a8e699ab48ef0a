import { it } from "vitest";
import { fuzz, fuzzSeed } from "./support/fuzz.js";

// The property of test/support/fuzz.ts on a few dozen random specs (a new seed each run outside
// CI); test/fuzz.campaign.test.ts runs it on hundreds, `npm run fuzz` on as many as asked.
const RUNS = 30;
const seed = fuzzSeed();

it(`random specs generate, regenerate identically and compile (${RUNS} cases, seed ${seed})`, () => fuzz(RUNS, seed), 300_000);
