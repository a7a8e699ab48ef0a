import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../generator/pipeline.js";
import { succeeded } from "./support/pipeline.js";
import { deeplyNested, hugeEnum, largeSpec, manyOperations } from "./support/large-specs.js";

/**
 * Issue 5, part 5: specs at the limits finish, without a stack overflow, and produce output.
 * Times are measured outside the tests (see the report of issue 5); here only completion counts.
 */
async function generated(document: Record<string, unknown>): Promise<Map<string, string>> {
  const file = join(mkdtempSync(join(tmpdir(), "specforge-limits-")), "spec.json");
  writeFileSync(file, JSON.stringify(document));
  const result = await generate(file);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new Map(succeeded(result).files.map((f) => [f.path, f.content]));
}

describe("limits", () => {
  it("an enum of 20,000 values", async () => {
    const types = (await generated(hugeEnum(20_000))).get("types.ts")!;
    expect(types).toContain('"value_19999"');
  }, 300_000);

  it("5,000 operations", async () => {
    const files = await generated(manyOperations(5_000));
    const operations = [...files].filter(([path]) => path.startsWith("operations/")).map(([, text]) => text);
    expect(operations.join("").match(/^export async function /gm)).toHaveLength(5_000);
  }, 600_000);

  it("a 50 MB spec", async () => {
    const document = largeSpec(50_000_000);
    expect(JSON.stringify(document).length).toBeGreaterThan(50_000_000);
    expect((await generated(document)).get("types.ts")).toContain("export interface Model999 ");
  }, 1_800_000);

  it("schemas nested 1,000 deep", async () => {
    expect((await generated(deeplyNested(1_000))).get("types.ts")).toContain("export type Deep");
  }, 300_000);
});
