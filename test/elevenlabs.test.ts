import { copyFileSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generatedOnce } from "./support/generations.js";
import { syntaxKinds, ts, typeCheck } from "./support/compile.js";
import { mutualAssignability, writeOracle } from "./support/oracle.js";
import { ROOT } from "./support/paths.js";
import { irOf } from "./support/pipeline.js";
import { prettierChanges } from "./support/layout.js";
import { ELEVENLABS_SPEC, sharedAvailable } from "./support/shared.js";

const available = sharedAvailable(ELEVENLABS_SPEC, "the full ElevenLabs API tests");

describe.runIf(available)("the full ElevenLabs API (208 operations, 593 schemas, 31 discriminators)", () => {
  const spec = available ? (JSON.parse(readFileSync(ELEVENLABS_SPEC, "utf8")) as Record<string, unknown>) : {};
  const dir = mkdtempSync(join(tmpdir(), "specforge-elevenlabs-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const usage = join(dir, "usage.ts");
  const oracleCheck = join(dir, "oracle-check.ts");
  let result: ReturnType<typeof generatedOnce>;
  let files: string[];
  let ir: ReturnType<typeof irOf>;
  /** The diagnostics of one strict program holding the output, the usage file and the oracle check. */
  let diagnostics: string[];

  beforeAll(async () => {
    // The CLI's output, shared with the other tests of the full API (test/support/generations.ts),
    // seen from the scratch folder as ./out, where the usage file and the oracle check import it.
    result = generatedOnce(ELEVENLABS_SPEC);
    symlinkSync(result.out, join(dir, "out"), "dir");
    files = readdirSync(result.out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => join(e.parentPath, e.name));
    ir = irOf(spec);
    copyFileSync(join(ROOT, "test", "usage", "fixtures", "elevenlabs.ts"), usage);
    await writeOracle(ELEVENLABS_SPEC, dir);
    writeFileSync(oracleCheck, mutualAssignability(oraclePairs(), "./out/types.js"));
    diagnostics = typeCheck([...files, usage, oracleCheck], "nodenext");
  }, 600_000);

  /** Each component schema's type name and its name in the spec. */
  const oraclePairs = (): [string, string][] =>
    ir.api.schemas.filter((s) => s.origin === "component").map((s): [string, string] => [ir.names.schemas.get(s.id)!.type, s.nameHint[0]!]);

  it("generates with no diagnostics", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^specforge: 208 operations, \d+ schemas/);
  });

  it("writes every file in prettier's layout (most of it never went through prettier)", async () => {
    const out = result.out;
    const written = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => ({ path: join(e.parentPath, e.name).slice(out.length + 1), content: readFileSync(join(e.parentPath, e.name), "utf8") }));
    expect(written.length).toBeGreaterThan(90);
    expect(await prettierChanges(written)).toEqual([]);
  });

  it("makes every discriminator an exhaustive union with guards and a match helper", () => {
    const { api, names } = ir;
    const discriminated = api.schemas.filter((s) => s.type.kind === "union" && s.type.discriminator !== undefined);
    // Each of the spec's 31 discriminators, some also in a Writable twin; all named, all with match.
    expect(discriminated.length).toBeGreaterThanOrEqual(31);
    for (const schema of discriminated)
      expect(names.schemas.get(schema.id)).toMatchObject({
        guard: expect.any(String),
        match: expect.any(String),
        values: expect.any(String),
      });
    const guards = readFileSync(join(result.out, "guards.ts"), "utf8");
    expect(guards.match(/^export function match/gm)?.length).toBe(discriminated.length);
  });

  it("compiles strictly, with an exhaustive switch over ConvAIStoredSecretDependencies['tools'][number]['type']", () => {
    expect(diagnostics.filter((d) => !d.startsWith(oracleCheck))).toEqual([]);
    for (const file of files) expect(syntaxKinds(file, readFileSync(file, "utf8")).has(ts.SyntaxKind.AnyKeyword)).toBe(false);
  });

  it("agrees with openapi-typescript on every component schema, both ways", () => {
    expect(oraclePairs().length).toBeGreaterThan(550);
    expect(diagnostics.filter((d) => d.startsWith(oracleCheck))).toEqual([]);
  });
});
