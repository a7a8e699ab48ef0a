import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasErrors } from "../generator/diagnostics.js";
import { stringLiteral } from "../generator/emit/escape.js";
import { generate } from "../generator/pipeline.js";
import { succeeded } from "./support/pipeline.js";
import { applyPlan } from "../generator/write/apply.js";
import { planOutput } from "../generator/write/plan.js";
import { ts, typeCheck } from "./support/compile.js";
import { CANARY, HOSTILE_CONTENTS, hostileSpec } from "./support/hostile-spec.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";

/**
 * Spec text is data (issue 5, part 3): for each kind of hostile content, a spec with it in every
 * position that reaches output. The output must compile strictly, and running all of it (every
 * module imported, every operation and client method called against a local server, every guard
 * called) must never set the canary global that the payloads try to set.
 */
const root = mkdtempSync(join(tmpdir(), "specforge-hostile-"));
const kinds = Object.entries(HOSTILE_CONTENTS);
const outputs = new Map<string, Map<string, string>>();
let server: TestServer;

beforeAll(async () => {
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  for (const [index, [kind, text]] of kinds.entries()) {
    const dir = join(root, String(index));
    mkdirSync(dir);
    writeFileSync(join(dir, "spec.json"), JSON.stringify(hostileSpec(text)));
    const result = await generate(join(dir, "spec.json"));
    if (!result.ok || hasErrors(result.diagnostics)) throw new Error(`${kind}: ${result.diagnostics.map((d) => d.message).join("\n")}`);
    outputs.set(kind, new Map(result.files.map((f) => [f.path, f.content])));
    for (const file of result.files) {
      mkdirSync(dirname(join(dir, "out", file.path)), { recursive: true });
      writeFileSync(join(dir, "out", file.path), file.content);
    }
  }
  server = await startServer({ default: (_req, res) => sendJson(res, 200, {}) });
}, 600_000);

afterAll(async () => {
  await server?.close();
});

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));

describe("hostile specs", () => {
  it("reach the output: every content is in it, as a string literal", () => {
    for (const [kind, text] of kinds) {
      const all = [...outputs.get(kind)!.values()].join("\n");
      // As a TypeScript literal in the code, or as JSON in .specforge/api-model.json.
      expect(all.includes(stringLiteral(text)) || all.includes(JSON.stringify(text)), kind).toBe(true);
    }
  });

  it("compile strictly, all of them in one program", () => {
    const entries = kinds.map((_, index) => join(root, String(index), "out", "index.ts"));
    expect(typeCheck(entries, "nodenext")).toEqual([]);
  }, 300_000);

  it("run without executing spec text: modules imported, operations, client methods and guards called", async () => {
    const params = new Proxy({}, { get: (_target, key) => (key === "body" ? {} : "v") });
    let calls = 0;
    for (const index of kinds.keys()) {
      const out = join(root, String(index), "out");
      for (const file of tsFiles(out)) {
        const js = ts.transpileModule(ts.sys.readFile(file)!, {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        }).outputText;
        writeFileSync(file.replace(/\.ts$/, ".js"), js);
      }
      const options = { baseUrl: server.origin, timeoutMs: 200 };
      for (const file of tsFiles(out)) {
        const module = (await import(pathToFileURL(file.replace(/\.ts$/, ".js")).href)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(module)) {
          if (typeof value !== "function" || /^[A-Z]/.test(name)) continue;
          if (name === "createClient") {
            const client = (value as (o: object) => Record<string, Record<string, (p: object) => Promise<unknown>>>)(options);
            for (const group of Object.values(client))
              for (const method of Object.values(group)) calls += await settle(() => method(params));
          } else {
            // Every function gets the local server's options, so that nothing (runtime's `request` included) reaches the network.
            calls += await settle(() => (value as (...a: unknown[]) => unknown)(params, options));
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(kinds.length * 20);
    expect(server.requests.length).toBeGreaterThan(kinds.length * 20);
    expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
  }, 300_000);
});

/** Calls `run`, awaiting a promise; a thrown error is fine (a guard refusing, a 200 without the right body), spec text running is not. */
async function settle(run: () => unknown): Promise<number> {
  try {
    await run();
  } catch {
    // The canary check after all calls is what matters here.
  }
  return 1;
}

/**
 * Bugs the hostile suite and the fuzzer found, each with its minimal spec in test/fixtures/repro/,
 * kept as regression tests.
 */
describe("bugs found by the hostile suite and the fuzzer (test/fixtures/repro)", () => {
  const repro = (name: string): string => join(import.meta.dirname, "fixtures", "repro", name);
  const writeAndCheck = async (spec: string): Promise<string[]> => {
    const result = await generate(spec);
    const out = mkdtempSync(join(tmpdir(), "specforge-repro-"));
    writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
    applyPlan(out, planOutput(out, succeeded(result).files));
    return typeCheck([join(out, "index.ts")], "nodenext");
  };

  // A digit-led operationId gets a valid function name; a literal backslash no longer derails
  // ts-morph's writer; a long tag's file name is cut short of the file system's limit; params keys
  // never take an Object.prototype member's name; guards of overlapping union members compile.
  it.each([
    "operation-id-leading-digit.yaml",
    "enum-backslash-then-comment-start.yaml",
    "long-tag-file-name.yaml",
    "optional-param-named-constructor.yaml",
    "union-with-empty-schema-guard.yaml",
  ])("%s generates, writes and compiles", async (name) => {
    expect(await writeAndCheck(repro(name))).toEqual([]);
  });
});
