import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../generator/pipeline.js";
import { succeeded } from "./support/pipeline.js";
import { applyPlan } from "../generator/write/apply.js";
import { planOutput } from "../generator/write/plan.js";
import { diagnosticsByFile } from "./support/compile.js";
import { HOSTILE_CONTENTS, LONG_CONTENT } from "./support/hostile-spec.js";
import { hostileSuite } from "./support/hostile-suite.js";

// Every kind of hostile content but the 100 KB one, which test/hostile.campaign.test.ts runs.
hostileSuite(Object.entries(HOSTILE_CONTENTS).filter(([kind]) => kind !== LONG_CONTENT));

/**
 * Bugs the hostile suite and the fuzzer found, each with its minimal spec in test/fixtures/repro/,
 * kept as regression tests.
 */
describe("bugs found by the hostile suite and the fuzzer (test/fixtures/repro)", () => {
  // A digit-led operationId gets a valid function name; a literal backslash no longer derails
  // ts-morph's writer; a long tag's file name is cut short of the file system's limit; params keys
  // never take an Object.prototype member's name; guards of overlapping union members compile.
  const cases = [
    "operation-id-leading-digit.yaml",
    "enum-backslash-then-comment-start.yaml",
    "long-tag-file-name.yaml",
    "optional-param-named-constructor.yaml",
    "union-with-empty-schema-guard.yaml",
  ];
  const entries = new Map<string, string>();
  let errors: Map<string, string[]>;

  // Each case generated and written to a folder of its own, then all compiled in one program.
  beforeAll(async () => {
    for (const name of cases) {
      const result = await generate(join(import.meta.dirname, "fixtures", "repro", name));
      const out = mkdtempSync(join(tmpdir(), "specforge-repro-"));
      writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
      applyPlan(out, planOutput(out, succeeded(result).files));
      entries.set(name, join(out, "index.ts"));
    }
    errors = diagnosticsByFile([...entries.values()], "nodenext");
  }, 300_000);

  it.each(cases)("%s generates, writes and compiles", (name) => {
    expect(errors.get(entries.get(name)!)).toEqual([]);
  });
});
