import { expect, it } from "vitest";
import { deeplyNested } from "./support/large-specs.js";
import { filesOfDocument } from "./support/pipeline.js";

// Issue 5, part 5: nesting is followed without recursion, so a deep spec cannot overflow the
// stack. The specs at the limits of size (a 50 MB spec, 5,000 operations, a 20,000-value enum)
// are in test/limits.campaign.test.ts.
it("schemas nested 1,000 deep generate", async () => {
  expect((await filesOfDocument(deeplyNested(1_000))).get("types.ts")).toContain("export type Deep");
});
