import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { ORACLE_OPTIONS } from "../oracle-differences.js";

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
