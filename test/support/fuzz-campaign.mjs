// `npm run fuzz -- --runs 5000 --seed 42`: the property test of test/fuzz.campaign.test.ts, longer. Without
// --seed a fresh one is drawn; the test prints it either way, for replay.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5000" }, seed: { type: "string" } } });
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`specforge fuzz: ${values.runs} runs, seed ${seed}`);
const result = spawnSync("npx", ["vitest", "run", "--project", "campaigns", "test/fuzz.campaign.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, SPECFORGE_FUZZ_RUNS: values.runs, SPECFORGE_FUZZ_SEED: seed },
});
process.exitCode = result.status ?? 1;
