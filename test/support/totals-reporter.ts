import type { Reporter, SerializedError, TestModule } from "vitest/node";

/**
 * Prints `N passed, N failed, N skipped` as the run's last line; CI reads it. A failure outside
 * any test (a hook that timed out, an import that threw, an unhandled error) leaves that module's
 * tests skipped, so it counts as one failure of its own: the line never says 0 failed for a red run.
 */
export default class TotalsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      const before = counts.failed;
      for (const test of module.children.allTests()) counts[test.result().state]++;
      if (counts.failed === before && module.state() === "failed") counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
