import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, SEED_SPEC } from "./support/paths.js";
import { filesOf } from "./support/pipeline.js";

// File snapshots make every change to the emitted code reviewable, file by file, for each fixture
// that stands for a feature. They are not the test of behaviour; beside each, what does check it:
// seed: compile.test.ts, http.test.ts, cli.test.ts; shelter (3.0, JSON, mappings): oracle.test.ts;
// zoo (every schema feature), edges, multi-file ($refs across files): types.test.ts with their
// usage files, oracle.test.ts for zoo; pages (Markdown input): pages.test.ts. The wire fixture's
// snapshot is the committed client test/wire-client/ (wire-client.test.ts, wire.test.ts).
// After an intended change: `npx vitest run test/snapshots.test.ts -u`, then review the diff.
const FEATURES: [name: string, input: string][] = [
  ["seed", SEED_SPEC],
  ["shelter", join(FIXTURES, "shelter-3.0.json")],
  ["zoo", join(FIXTURES, "zoo-3.1.yaml")],
  ["edges", join(FIXTURES, "edges-3.1.yaml")],
  ["multi-file", join(FIXTURES, "multi-file", "openapi.yaml")],
  ["pages", join(FIXTURES, "pages")],
];

describe.each(FEATURES)("emitted files for %s", (name, input) => {
  it("match their snapshots, and leave none for a file no longer emitted", async () => {
    const files = await filesOf(input);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(["client.ts", "index.ts", "runtime.ts", "types.ts", ".specforge/api-model.json"]),
    );
    for (const [path, content] of files) await expect(content).toMatchFileSnapshot(join("__snapshots__", name, `${path}.snap`));
    // A file no longer emitted must not leave its snapshot behind (a missing one is written, or fails under CI).
    const folder = join(import.meta.dirname, "__snapshots__", name);
    const snapshots = existsSync(folder)
      ? readdirSync(folder, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => relative(folder, join(e.parentPath, e.name)).replace(/\.snap$/, ""))
      : [];
    expect(snapshots.filter((path) => !files.has(path))).toEqual([]);
  });
});
