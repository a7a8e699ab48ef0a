import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ORACLE_OPTIONS, oraclePairs } from "../oracle-differences.js";
import { runCli } from "./cli.js";
import { diagnosticsByFile } from "./compile.js";
import { irOf } from "./pipeline.js";

/** openapi-typescript's types for a spec, written to `<dir>/oracle.ts`. */
export async function writeOracle(specFile: string, dir: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specFile), ORACLE_OPTIONS);
  const file = join(dir, "oracle.ts");
  writeFileSync(file, astToString(ast));
  return file;
}

/**
 * A file asserting that each named type of ours and openapi-typescript's
 * `components["schemas"][name]` are assignable both ways. `pairs` maps our type name to the
 * spec's schema name.
 */
export function mutualAssignability(pairs: [ours: string, schema: string][], oursModule: string): string {
  const lines = [
    `import type * as ours from ${JSON.stringify(oursModule)};`,
    `import type { components } from "./oracle.js";`,
    `type Schemas = components["schemas"];`,
    // Both directions; a mismatch names the schema in the compile error.
    `declare function same<A, B>(check: [A] extends [B] ? ([B] extends [A] ? "same" : "theirs is wider") : "ours is wider"): void;`,
  ];
  for (const [type, schema] of pairs) lines.push(`same<ours.${type}, Schemas[${JSON.stringify(schema)}]>("same");`);
  return lines.join("\n") + "\n";
}

/** Component schemas of a spec with the type name we give each. */
function componentPairs(specFile: string): [string, string][] {
  const document = parse(readFileSync(specFile, "utf8")) as Record<string, unknown>;
  const { api, names } = irOf(document);
  return api.schemas.filter((s) => s.origin === "component").map((s) => [names.schemas.get(s.id)!.type, s.nameHint[0]!]);
}

/**
 * openapi-typescript and our types agree, both ways, on every component schema of `specFile`,
 * except the differences ORACLE_EXCLUDED lists under `key`, each of which must still differ.
 */
export function oracleSuite(label: string, key: string, specFile: string, timeout = 60_000): void {
  describe(`openapi-typescript agrees with our types for ${label}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-oracle-"));
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    const pairs = componentPairs(specFile);
    const { compared, excluded } = oraclePairs(key, pairs);
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
    }, timeout);

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
}
