import { it } from "vitest";
import { fuzz, fuzzSeed } from "./support/fuzz.js";

// The fuzz property at campaign scale: 300 cases, or SPECFORGE_FUZZ_RUNS (`npm run fuzz -- --runs N --seed S`).
const runs = Number(process.env.SPECFORGE_FUZZ_RUNS ?? 300);
const seed = fuzzSeed();

it(`random specs generate, regenerate identically and compile (${runs} cases, seed ${seed})`, () => fuzz(runs, seed));
