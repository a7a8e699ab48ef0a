import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { ts } from "./support/compile.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";
import { FIXTURES, SEED_SPEC } from "./support/paths.js";
import { findRuntimes } from "./support/runtimes.js";

/**
 * The generated client, written with `--import-extension .ts`, run as it is by every runtime users
 * run (Node 22 and 24 by type stripping, Bun, Deno without --sloppy-imports) and by Node 20 as the
 * JavaScript tsc emits with rewriteRelativeImportExtensions, against a real node:http server. The
 * app is a CommonJS package: the output folders' package.json makes them ESM all the same.
 */
const run = promisify(execFile);
const { found, missing } = findRuntimes();
if (missing.length > 0)
  console.warn(`\n*** runtimes.test.ts: SKIPPING ${missing.join(", ")}: not installed. Run: npm ci --prefix runtimes ***\n`);

const SAMPLE = (
  origin: string,
): string => `import { createClient, createEnvironmentVariable, isCreateEnvironmentVariableError } from "./seed/index.ts";
import * as wire from "./wire/index.ts";

const lines: string[] = [];
const created = await createEnvironmentVariable(
  { body: { type: "string", label: "API_URL", values: { production: "https://example.test" } } },
  { baseUrl: "${origin}/s/created", apiKey: "k" },
);
lines.push(\`seed: \${created.label} \${created.values["production"]}\`);
const client = createClient({ baseUrl: "${origin}/s/invalid" });
try {
  await client.environmentVariables.create({ body: { type: "secret", label: "X", values: {} } });
} catch (error) {
  if (!isCreateEnvironmentVariableError(error) || error.status !== 422) throw error;
  lines.push(\`error: \${error.status} \${error.operation} \${error.method} \${error.body.detail?.[0]?.msg}\`);
  // The other client's runtime recognises the error too.
  lines.push(\`instanceof across clients: \${error instanceof wire.ApiError}\`);
}
const upload = await wire.uploadFile(
  { body: { file: new Blob(["hello"], { type: "text/plain" }), count: 2, note: "# hi" } },
  { baseUrl: "${origin}/s/upload", apiKey: "k" },
);
lines.push(\`multipart: \${JSON.stringify(upload)}\`);
const events: unknown[] = [];
for await (const event of await wire.listEvents({}, { baseUrl: "${origin}/s/events" })) events.push(event);
lines.push(\`events: \${JSON.stringify(events)}\`);
const bytes = new Uint8Array(await new Response(await wire.streamAudio({}, { baseUrl: "${origin}/s/bytes" })).arrayBuffer());
lines.push(\`stream: \${bytes.join(",")}\`);
console.log(lines.join("\\n"));
`;

/** Logged, then left uncaught: the two ways an app shows an error. */
const UNCAUGHT = (origin: string): string => `import { createEnvironmentVariable } from "./seed/index.ts";
try {
  await createEnvironmentVariable({ body: { type: "string", label: "A", values: {} } }, { baseUrl: "${origin}/s/invalid" });
} catch (error) {
  console.error(error);
  console.error("---");
  throw error;
}
`;

let server: TestServer;
let app: string;
/** Node 20 cannot strip types: it runs what tsc emits, into js/. */
let compiled: string;

beforeAll(async () => {
  server = await startServer({
    created: (req, res) =>
      sendJson(res, 200, { ...JSON.parse(req.body), created_at_unix_secs: 1, updated_at_unix_secs: 2, id: "e1", workspace_id: "w" }),
    invalid: (_req, res) => sendJson(res, 422, { detail: [{ loc: ["body"], msg: "field required", type: "missing" }] }),
    upload: (req, res) => {
      const names = [...req.body.matchAll(/; name="([^"]+)"/g)].map((m) => m[1]);
      sendJson(res, 200, { ok: names.join(",") === "file,count,note" && req.body.includes("hello") && req.headers["x-api-key"] === "k" });
    },
    events: (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end('data: {"n":1}\n\ndata: {"n":2,"text":"two"}\n\n');
    },
    bytes: (_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg" });
      res.write(Buffer.from([1, 2, 3]));
      setTimeout(() => res.end(Buffer.from([4, 5])), 20);
    },
  });
  app = mkdtempSync(join(tmpdir(), "specforge-runtimes-"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "cjs-app", private: true, type: "commonjs" }));
  for (const [spec, out] of [
    [SEED_SPEC, "seed"],
    [join(FIXTURES, "wire.yaml"), "wire"],
  ] as const) {
    const result = runCli(["generate", "--spec", spec, "--out", join(app, out), "--import-extension", ".ts"]);
    expect(result.stderr).toBe("");
  }
  // A CommonJS package: the app's own ESM file is .mts (the output folders are ESM by their package.json).
  writeFileSync(join(app, "main.mts"), SAMPLE(server.origin));
  writeFileSync(join(app, "uncaught.mts"), UNCAUGHT(server.origin));
  compiled = join(app, "js");
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    rewriteRelativeImportExtensions: true,
    strict: true,
    outDir: compiled,
    rootDir: app,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.asynciterable.d.ts"],
    types: [],
  };
  const program = ts.createProgram([join(app, "main.mts"), join(app, "uncaught.mts")], options);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diagnostics).toEqual([]);
  program.emit();
  // tsc copies no package.json: the emitted output folders need theirs to stay ESM in this CommonJS package.
  for (const out of ["seed", "wire"]) cpSync(join(app, out, "package.json"), join(compiled, out, "package.json"));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const fileFor = (runsTypeScript: boolean, name: string): string =>
  runsTypeScript ? join(app, `${name}.mts`) : join(compiled, `${name}.mjs`);

describe.skipIf(found.length === 0)("the generated client on every runtime", () => {
  it.each(found.map((r) => [`${r.name} (${r.version})`, r] as const))(
    "%s runs the seed client and a multipart/stream/error sample, unchanged",
    async (_name, runtime) => {
      const [command, ...args] = runtime.command;
      const { stdout } = await run(command!, [...args, fileFor(runtime.runsTypeScript, "main")], { cwd: app, encoding: "utf8" });
      expect(stdout).toBe(
        [
          "seed: API_URL https://example.test",
          "error: 422 createEnvironmentVariable POST field required",
          "instanceof across clients: true",
          'multipart: {"ok":true}',
          'events: [{"n":1},{"n":2,"text":"two"}]',
          "stream: 1,2,3,4,5",
          "",
        ].join("\n"),
      );
    },
  );

  it.each(found.map((r) => [`${r.name} (${r.version})`, r] as const))(
    "%s prints a logged ApiError one field a line, and an uncaught one without the Response",
    async (_name, runtime) => {
      const [command, ...args] = runtime.command;
      const result = await run(command!, [...args, fileFor(runtime.runsTypeScript, "uncaught")], { cwd: app, encoding: "utf8" }).then(
        () => undefined,
        (error: { stderr: string; code: number }) => error,
      );
      expect(result?.code).toBe(1);
      const url = `${server.origin}/s/invalid/v1/convai/environment-variables`;
      const [logged = "", uncaught = ""] = result!.stderr.split("---\n");
      expect(logged).toContain(
        [
          `ApiError: createEnvironmentVariable: HTTP 422 from POST ${url}`,
          "    status: 422",
          "    operation: createEnvironmentVariable",
          `    request: POST ${url}`,
          '    body: {"detail":[{"loc":["body"],"msg":"field required","type":"missing"}]}',
          "",
        ].join("\n"),
      );
      // Node prints the stack (so the fields too); Deno and Bun print the message and their own frames.
      expect(uncaught).toContain(`ApiError: createEnvironmentVariable: HTTP 422 from POST ${url}`);
      for (const text of [logged, uncaught]) {
        expect(text).not.toMatch(/Response|Headers|bodyUsed/);
        expect(text.split("\n").length).toBeLessThan(25);
      }
    },
  );
});
