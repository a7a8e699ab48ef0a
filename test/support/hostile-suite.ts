import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasErrors } from "../../generator/diagnostics.js";
import { stringLiteral } from "../../generator/emit/escape.js";
import { generate } from "../../generator/pipeline.js";
import { ts, typeCheck } from "./compile.js";
import { CANARY, hostileSpec } from "./hostile-spec.js";
import { sendJson, startServer, type TestServer } from "./http-server.js";

/**
 * Spec text is data (issue 5, part 3): for each kind of hostile content, a spec with it in every
 * position that reaches output. The output must compile strictly, and running all of it (every
 * module imported, every operation and client method called against a local server, every guard
 * called) must never set the canary global that the payloads try to set. test/hostile.test.ts runs
 * it for every kind of content; test/hostile.campaign.test.ts for the content that is also a limit
 * (100 KB in every position, 38 MB of output).
 */
export function hostileSuite(kinds: [kind: string, text: string][]): void {
  const root = mkdtempSync(join(tmpdir(), "specforge-hostile-"));
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
}

/** Calls `run`, awaiting a promise; a thrown error is fine (a guard refusing, a 200 without the right body), spec text running is not. */
async function settle(run: () => unknown): Promise<number> {
  try {
    await run();
  } catch {
    // The canary check after all calls is what matters here.
  }
  return 1;
}
