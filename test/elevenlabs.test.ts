import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
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

  let result: ReturnType<typeof runCli>;
  beforeAll(() => {
    result = runCli(["generate", "--spec", ELEVENLABS_SPEC, "--out", join(dir, "out")]);
  });

  it("generates with no diagnostics", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^specforge: 208 operations, \d+ schemas/);
  });

  it("writes every file in prettier's layout (most of it never went through prettier)", async () => {
    const out = join(dir, "out");
    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => ({ path: join(e.parentPath, e.name).slice(out.length + 1), content: readFileSync(join(e.parentPath, e.name), "utf8") }));
    expect(files.length).toBeGreaterThan(90);
    expect(await prettierChanges(files)).toEqual([]);
  });

  it("makes every discriminator an exhaustive union with guards and a match helper", () => {
    const { api, names } = irOf(spec);
    const discriminated = api.schemas.filter((s) => s.type.kind === "union" && s.type.discriminator !== undefined);
    // Each of the spec's 31 discriminators, some also in a Writable twin; all named, all with match.
    expect(discriminated.length).toBeGreaterThanOrEqual(31);
    for (const schema of discriminated)
      expect(names.schemas.get(schema.id)).toMatchObject({
        guard: expect.any(String),
        match: expect.any(String),
        values: expect.any(String),
      });
    const guards = readFileSync(join(dir, "out", "guards.ts"), "utf8");
    expect(guards.match(/^export function match/gm)?.length).toBe(discriminated.length);
  });

  it("compiles strictly, with an exhaustive switch over ConvAIStoredSecretDependencies['tools'][number]['type']", () => {
    copyFileSync(join(ROOT, "test", "usage", "fixtures", "elevenlabs.ts"), join(dir, "usage.ts"));
    const files = readdirSync(join(dir, "out"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => join(e.parentPath, e.name));
    expect(typeCheck([...files, join(dir, "usage.ts")], "nodenext")).toEqual([]);
    for (const file of files) expect(syntaxKinds(file, readFileSync(file, "utf8")).has(ts.SyntaxKind.AnyKeyword)).toBe(false);
  });

  it("agrees with openapi-typescript on every component schema, both ways", async () => {
    const { api, names } = irOf(spec);
    await writeOracle(ELEVENLABS_SPEC, dir);
    const pairs = api.schemas
      .filter((s) => s.origin === "component")
      .map((s): [string, string] => [names.schemas.get(s.id)!.type, s.nameHint[0]!]);
    expect(pairs.length).toBeGreaterThan(550);
    writeFileSync(join(dir, "oracle-check.ts"), mutualAssignability(pairs, "./out/types.js"));
    expect(typeCheck([join(dir, "oracle-check.ts")], "nodenext")).toEqual([]);
  });
});
