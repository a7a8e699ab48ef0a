import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "./support/compile.js";
import { runCli } from "./support/cli.js";
import { mutualAssignability, writeOracle } from "./support/oracle.js";
import { ROOT, SEED_SPEC } from "./support/paths.js";
import { irOf } from "./support/pipeline.js";
import { parse } from "yaml";

/** Component schemas of a spec with the type name we give each. */
function componentPairs(specFile: string): [string, string][] {
  const document = parse(readFileSync(specFile, "utf8")) as Record<string, unknown>;
  const { api, names } = irOf(document);
  return api.schemas.filter((s) => s.origin === "component").map((s) => [names.schemas.get(s.id)!.type, s.nameHint[0]!]);
}

describe.each([
  ["the seed", SEED_SPEC],
  ["the shelter fixture (3.0, JSON, mapping)", join(ROOT, "test", "fixtures", "shelter-3.0.json")],
])("openapi-typescript agrees with our types for %s", (_label, specFile) => {
  const dir = mkdtempSync(join(tmpdir(), "specforge-oracle-"));
  const pairs = componentPairs(specFile);

  it("for every component schema, both ways", async () => {
    expect(runCli(["generate", "--spec", specFile, "--out", join(dir, "out")]).status).toBe(0);
    await writeOracle(specFile, dir);
    writeFileSync(join(dir, "check.ts"), mutualAssignability(pairs, "./out/types.js"));
    expect(pairs.length).toBeGreaterThan(3);
    expect(typeCheck([join(dir, "check.ts")], "nodenext")).toEqual([]);
  });

  it("and the check can fail: mismatched pairs are reported", async () => {
    const shifted = pairs.map(([ours], i): [string, string] => [ours, pairs[(i + 1) % pairs.length]![1]]);
    writeFileSync(join(dir, "shifted.ts"), mutualAssignability(shifted, "./out/types.js"));
    expect(typeCheck([join(dir, "shifted.ts")], "nodenext").length).toBeGreaterThan(0);
  });
});
