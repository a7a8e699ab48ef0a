import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // *.slow.test.ts (installing the package from git, minutes) run in `npm run test:all`, which .ci/run runs.
    exclude: process.env.SPECFORGE_TEST_ALL === "1" ? [] : ["test/**/*.slow.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/support/totals-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
