import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../generator/pipeline.js";
import { typeCheck } from "./support/compile.js";
import { prettierChanges } from "./support/layout.js";
import { HEY_API_FIXTURES, sharedAvailable } from "./support/shared.js";

/** Fixtures we refuse, and why; docs/corpus.md carries the same table. Everything else must compile. */
const REFUSED: Record<string, string> = {
  "3.0.x/external-shared.json": "E_NOT_OPENAPI",
  "3.1.x/external-shared.json": "E_NOT_OPENAPI",
  "3.0.x/invalid/operationId-unique.yaml": "E_OPERATION_ID_DUPLICATE",
  "3.1.x/invalid/operationId-unique.yaml": "E_OPERATION_ID_DUPLICATE",
  "3.0.x/invalid/servers-array.yaml": "E_SERVERS_INVALID",
  "3.1.x/invalid/servers-array.yaml": "E_SERVERS_INVALID",
  "3.0.x/invalid/servers-entry.yaml": "E_SERVERS_INVALID",
  "3.1.x/invalid/servers-entry.yaml": "E_SERVERS_INVALID",
  "3.0.x/invalid/servers-required.yaml": "E_SERVERS_INVALID",
  "3.1.x/invalid/servers-required.yaml": "E_SERVERS_INVALID",
};

const available = sharedAvailable(HEY_API_FIXTURES, "the hey-api fixture suite");
const fixtures = available
  ? ["3.0.x", "3.1.x", "3.0.x/invalid", "3.1.x/invalid"].flatMap((folder) =>
      readdirSync(join(HEY_API_FIXTURES, folder))
        .filter((name) => /\.(ya?ml|json)$/.test(name))
        .sort()
        .map((name) => `${folder}/${name}`),
    )
  : [];

describe.runIf(available)("hey-api's fixture suite (3.0.x and 3.1.x)", () => {
  const out = mkdtempSync(join(tmpdir(), "specforge-heyapi-"));
  writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
  const refused = new Map<string, string[]>();
  const written: string[] = [];
  const layoutChanges: string[] = [];

  beforeAll(async () => {
    for (const fixture of fixtures) {
      const result = await generate(join(HEY_API_FIXTURES, fixture));
      if (!result.ok) {
        refused.set(fixture, [...new Set(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code))]);
        continue;
      }
      layoutChanges.push(...(await prettierChanges(result.files)).map((change) => `${fixture}: ${change}`));
      for (const file of result.files.filter((f) => f.path.endsWith(".ts"))) {
        const path = join(out, fixture.replace(/\.\w+$/, ""), file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
        written.push(path);
      }
    }
    // 171 whole generations, each checked by prettier: minutes on a loaded 2-core machine.
  }, 300_000);

  it("refuses exactly the invalid specs and the non-root fragment, each with the expected code", () => {
    expect(Object.fromEntries([...refused].map(([fixture, codes]) => [fixture, codes.join(",")]))).toEqual(REFUSED);
    for (const fixture of fixtures.filter((f) => f.includes("/invalid/"))) expect(refused.has(fixture)).toBe(true);
  });

  it("generates strictly compiling output for every other fixture", () => {
    expect(fixtures.length - refused.size).toBeGreaterThan(150);
    console.log(
      `hey-api fixtures: ${fixtures.length} in all, ${fixtures.length - refused.size} generated and compiled, ${refused.size} refused`,
    );
    expect(typeCheck(written, "nodenext")).toEqual([]);
    // One program over 161 clients: over a minute on a loaded 2-core machine.
  }, 300_000);

  it("prints every file exactly as prettier would", () => {
    expect(layoutChanges).toEqual([]);
  });
});
