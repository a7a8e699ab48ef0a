// Every operation of the full ElevenLabs spec, generated and called on the wire against Prism
// (`@stoplight/prism-cli`), which validates each request against the spec and reports problems in
// its `sl-violations` response header. Arguments are built from the spec: the required parameters
// and a minimal valid body or upload. Only violations located in the request judge the client.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedOnce } from "./support/generations.js";
import { irOf } from "./support/pipeline.js";
import type { Api } from "../generator/ir/model.js";
import type { NameTable } from "../generator/names/plan.js";
import { ROOT } from "./support/paths.js";
import { launchPrism, violationsOf, type RunningPrism } from "./support/prism.js";
import { Sampler } from "./support/sample.js";

const SPEC = join(ROOT, "..", "shared", "specs", "elevenlabs", "openapi.json");
const present = existsSync(SPEC);
if (!present)
  console.warn(`\n!!!!! SKIPPED: test/prism.test.ts needs ${SPEC}, which is absent. Prism did NOT check any operation. !!!!!\n`);

/**
 * Prism turns a multipart body into `{field: last part}` and makes a field an array only when the
 * spec gives it an `encoding.style`, which ElevenLabs does not: these operations' required `files`
 * arrays fail whatever a client sends (a hand-built request too). test/wire.test.ts proves arrays of
 * files on the wire instead.
 */
const PRISM_CANNOT_VALIDATE = [
  "POST /v1/voices/add",
  "POST /v1/voices/pvc/{voice_id}/samples",
  "POST /v1/voices/pvc/{voice_id}/verification",
];

let prism: RunningPrism | undefined;
let baseUrl = "";
let api: Api;
let names: NameTable;
let client: Record<string, unknown>;

beforeAll(async () => {
  if (!present) return;
  prism = await launchPrism(SPEC);
  baseUrl = prism.baseUrl;
  // Prism starts in its own process while the client is generated (or found) here.
  // The CLI's output, shared with the other tests of the full API (test/support/generations.ts);
  // the IR of the same spec says what each operation needs.
  const generated = generatedOnce(SPEC);
  expect(generated.status, generated.stderr).toBe(0);
  ({ api, names } = irOf(JSON.parse(readFileSync(SPEC, "utf8")) as Record<string, unknown>));
  client = (await import(pathToFileURL(join(generated.out, "index.ts")).href)) as Record<string, unknown>;
  await prism.ready(90_000);
}, 600_000);

afterAll(() => prism?.stop());

describe.skipIf(!present)("Prism validates every request of the full ElevenLabs API", () => {
  it("all 208 operations, arguments built from the spec, no request violation", async () => {
    const root = JSON.parse(readFileSync(SPEC, "utf8")) as Record<string, unknown>;
    const sampler = new Sampler(root);
    const at = (pointer: string): unknown => sampler.resolve({ $ref: `#${pointer}` });
    const failures: string[] = [];
    let checked = 0;
    for (const [index, operation] of api.operations.entries()) {
      const own = names.operations[index]!;
      const label = `${operation.method.toUpperCase()} ${operation.path}`;
      const params: Record<string, unknown> = {};
      operation.parameters.forEach((p, i) => {
        if (p.required) params[own.parameters[i]!] = sampler.value(at(`${p.pointer}/schema`));
      });
      if (operation.body?.required) {
        const mediaType = operation.body.mediaType.replace(/~/g, "~0").replace(/\//g, "~1");
        params.body = sampler.value(at(`${operation.body.pointer}/content/${mediaType}/schema`));
      }
      const verdicts: (string | null)[] = [];
      const recording = async (request: Request): Promise<Response> => {
        let response = await fetch(request.clone());
        // Prism cannot mock audio-only responses and then gives no verdict; a 422 example it can.
        if (response.status === 500 && !response.headers.has("sl-violations")) {
          const again = new Request(request);
          again.headers.set("prefer", "code=422");
          response = await fetch(again);
        }
        verdicts.push(response.headers.get("sl-violations"));
        return response;
      };
      const fn = client[own.fn] as (params: unknown, options: unknown) => Promise<unknown>;
      try {
        const result = await fn(params, { baseUrl, fetch: recording, maxRetries: 0, apiKey: "xi-test" });
        if (result instanceof ReadableStream) await result.cancel();
      } catch {
        // Prism's mock responses are not what this test judges.
      }
      const problems = verdicts.flatMap((v) => violationsOf(v)).filter((v) => v.location[0] === "request");
      if (verdicts.length !== 1) failures.push(`${label}: ${verdicts.length} requests sent`);
      if (PRISM_CANNOT_VALIDATE.includes(label)) continue;
      checked++;
      if (problems.length > 0)
        failures.push(`${label} (${own.fn}): ${problems.map((p) => `${p.location.join(".")} ${p.message}`).join("; ")}`);
    }
    // The judge can fail: a body missing its required fields is a request violation.
    const broken: (string | null)[] = [];
    const convert = client["convertTextToSpeech"] as (params: unknown, options: unknown) => Promise<unknown>;
    await convert(
      { voiceId: "v", body: {} },
      {
        baseUrl,
        maxRetries: 0,
        fetch: async (r: Request) => {
          const response = await fetch(r);
          broken.push(response.headers.get("sl-violations"));
          return response;
        },
      },
    ).catch(() => undefined);
    expect(violationsOf(broken[0] ?? null).filter((v) => v.location[0] === "request").length).toBeGreaterThan(0);
    console.log(
      `Prism checked ${checked} of ${api.operations.length} operations; ${PRISM_CANNOT_VALIDATE.length} cannot be validated by Prism (multipart arrays).`,
    );
    expect(api.operations).toHaveLength(208);
    expect(failures).toEqual([]);
    expect(checked).toBe(205);
  }, 300_000);
});
