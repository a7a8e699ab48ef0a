import { describe, expect, it } from "vitest";
import { hugeEnum, largeSpec, manyOperations } from "./support/large-specs.js";
import { filesOfDocument } from "./support/pipeline.js";

/**
 * Issue 5, part 5: specs at the limits of size finish, and produce output. Times are measured by
 * `npm run bench`, never here; here only completion and content count.
 */
describe("limits", () => {
  it("an enum of 20,000 values", async () => {
    const types = (await filesOfDocument(hugeEnum(20_000))).get("types.ts")!;
    expect(types).toContain('"value_19999"');
  });

  it("5,000 operations", async () => {
    const files = await filesOfDocument(manyOperations(5_000));
    const operations = [...files].filter(([path]) => path.startsWith("operations/")).map(([, text]) => text);
    expect(operations.join("").match(/^export async function /gm)).toHaveLength(5_000);
  });

  it("a 50 MB spec", async () => {
    const document = largeSpec(50_000_000);
    expect(JSON.stringify(document).length).toBeGreaterThan(50_000_000);
    expect((await filesOfDocument(document)).get("types.ts")).toContain("export interface Model999 ");
  });
});
