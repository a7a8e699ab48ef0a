import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diagnosticsByFile } from "./support/compile.js";
import { runCli } from "./support/cli.js";
import { oraclePairs } from "./oracle-differences.js";
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
  ["the zoo fixture (every schema feature)", join(ROOT, "test", "fixtures", "zoo-3.1.yaml")],
])("openapi-typescript agrees with our types for %s", (_label, specFile) => {
  const dir = mkdtempSync(join(tmpdir(), "specforge-oracle-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const pairs = componentPairs(specFile);

  const { compared, excluded } = oraclePairs(basename(specFile), pairs);

  const file = (name: string): string => join(dir, `${name}.ts`);
  const shifted = pairs.map(([ours], i): [string, string] => [ours, pairs[(i + 1) % pairs.length]![1]]);
  let errors: Map<string, string[]>;

  // The three assertion files in one program: the compared pairs, the listed differences, and
  // every pair shifted by one (the check can fail).
  beforeAll(async () => {
    expect(runCli(["generate", "--spec", specFile, "--out", join(dir, "out")]).status).toBe(0);
    await writeOracle(specFile, dir);
    writeFileSync(file("check"), mutualAssignability(compared, "./out/types.js"));
    writeFileSync(file("excluded"), mutualAssignability(excluded, "./out/types.js"));
    writeFileSync(file("shifted"), mutualAssignability(shifted, "./out/types.js"));
    errors = diagnosticsByFile([file("check"), file("excluded"), file("shifted")], "nodenext");
  });

  it("for every component schema, both ways", () => {
    expect(compared.length).toBeGreaterThan(3);
    expect(errors.get(file("check"))).toEqual([]);
  });

  it.runIf(excluded.length > 0)("and every listed difference still differs", () => {
    // One assertion line per pair, after the file's 4 header lines: each must be an error.
    const failingLines = new Set(errors.get(file("excluded"))!.map((e) => Number(/\((\d+),/.exec(e)?.[1])));
    expect([...failingLines].sort((a, b) => a - b)).toEqual(excluded.map((_, i) => i + 5));
  });

  it("and the check can fail: mismatched pairs are reported", () => {
    expect(errors.get(file("shifted"))!.length).toBeGreaterThan(0);
  });
});
