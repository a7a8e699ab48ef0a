// The committed test/wire-client/ and test/payments-client/ (generated from test/fixtures/wire.yaml and
// payments.yaml: their file snapshots) are current and compile strictly for every consumer; so does the whole ElevenLabs API; and one operation bundles small.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { typeCheck } from "./support/compile.js";
import { ROOT } from "./support/paths.js";
import { generatedOnce } from "./support/generations.js";
import { filesOf } from "./support/pipeline.js";

const ELEVENLABS = join(ROOT, "..", "shared", "specs", "elevenlabs", "openapi.json");

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();

/** Committed clients: the fixture they come from, and the test that calls them (compiled with them). */
describe.each([
  ["wire-client", "wire.yaml", "wire.test.ts"],
  ["payments-client", "payments.yaml", "payments-wire.test.ts"],
])("test/%s/", (client, fixture, caller) => {
  const dir = join(ROOT, "test", client);
  // The fixture's file snapshots, kept where the tests import them from. After an intended
  // change: node dist/cli.js generate --spec test/fixtures/<fixture> --out test/<client>.
  it(`is what the generator makes of test/fixtures/${fixture}, file by file`, async () => {
    const files = await filesOf(join(ROOT, "test", "fixtures", fixture));
    for (const [path, content] of files) await expect(content).toMatchFileSnapshot(join(client, path));
    expect(tsFiles(dir).length).toBe([...files.keys()].filter((p) => p.endsWith(".ts")).length);
  });

  it.each<["bundler" | "nodenext", { lib?: string[] }]>([
    ["bundler", {}],
    ["nodenext", {}],
    ["nodenext", { lib: ["lib.es2023.d.ts"] }],
  ])("compiles strictly as a %s consumer %o", (consumer, extra) => {
    expect(typeCheck([...tsFiles(dir), join(ROOT, "test", caller)], consumer, extra)).toEqual([]);
  });
});

describe.skipIf(!existsSync(ELEVENLABS))("the full ElevenLabs API", () => {
  it("generates 208 operations that compile strictly with the DOM lib and without it", () => {
    // The CLI's output, shared with the other tests of the full API (test/support/generations.ts).
    const { out, status } = generatedOnce(ELEVENLABS);
    expect(status).toBe(0);
    const all = tsFiles(out);
    expect(typeCheck(all, "bundler")).toEqual([]);
    expect(typeCheck(all, "nodenext", { lib: ["lib.es2023.d.ts"] })).toEqual([]);
  }, 240_000);
});

describe("bundle size", () => {
  // 1,154 bytes before errors learned to print themselves (one line per field) and to be recognised across clients (1,540 after).
  it("an app calling only createEnvironmentVariable, minified, is at most 1,600 bytes gzipped, runtime with timeouts, retries and typed errors included", () => {
    const dir = join(ROOT, ".tmp", "bundle");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "app.ts"),
      'import { createEnvironmentVariable } from "../../generated/index.js";\n' +
        'console.log(await createEnvironmentVariable({ body: { type: "string", label: "A", values: {} } }, { apiKey: "k" }));\n',
    );
    const esbuild = join(ROOT, "node_modules", "esbuild", "bin", "esbuild");
    const bundle = execFileSync(esbuild, [join(dir, "app.ts"), "--bundle", "--minify", "--format=esm", "--platform=browser"]);
    const size = gzipSync(bundle, { level: 9 }).length;
    console.log(`one-operation bundle: ${size} bytes gzipped`);
    expect(size).toBeLessThanOrEqual(1600);
  });
});
