import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Two tiers. `tests` (npm test) proves every behaviour, each on the smallest input that shows it.
 * `campaigns` (in npm run test:all, with the tests) repeats the proofs at scale: limits, the full
 * ElevenLabs history, hundreds of fuzz cases, the corpus sample. A campaign is any
 * `test/**\/*.campaign.test.ts`; `npx vitest run --project campaigns` runs them alone.
 */
export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/support/totals-reporter.ts"],
    // Limits for a hang, not for speed: the machine these run on is shared, and a whole-spec
    // generation that takes 10 s alone took over a minute beside other work.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // One test file per core. vitest's default leaves a core for its own process, which idles
    // here: on a 2-core machine that would run every file one after the other.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: "tests", include: ["test/**/*.test.ts"], exclude: ["test/**/*.campaign.test.ts"] } },
      // A campaign runs for minutes by design; its own tests set no tighter limit than these.
      {
        extends: true,
        test: { name: "campaigns", include: ["test/**/*.campaign.test.ts"], testTimeout: 1_800_000, hookTimeout: 1_800_000 },
      },
    ],
  },
});
