import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SEED_SPEC } from "./support/paths.js";
import { filesOf } from "./support/pipeline.js";

// File snapshots make changes to the emitted code reviewable. They are not the test of behaviour:
// compile.test.ts, http.test.ts and oracle.test.ts check what the code does.
describe.each([
  ["seed", SEED_SPEC],
  ["shelter", join(ROOT, "test", "fixtures", "shelter-3.0.json")],
])("emitted files for %s", (name, spec) => {
  it("match their snapshots", async () => {
    const files = await filesOf(spec);
    // wire.ts only when an operation needs one of its helpers (path segments, query, multipart...).
    const wire = name === "seed" ? [] : ["wire.ts"];
    expect([...files.keys()].sort()).toEqual([
      ".specforge/api-model.json",
      "client.ts",
      "guards.ts",
      "index.ts",
      expect.stringMatching(/^operations\//),
      "package.json",
      "runtime.ts",
      "types.ts",
      ...wire,
    ]);
    for (const [path, content] of files) await expect(content).toMatchFileSnapshot(join("__snapshots__", name, `${path}.snap`));
  });
});
