// An API's generated client called on the wire against Prism, which validates each request
// against the spec (../shared/notes/prism.md). Prism does not start on a large spec such as
// Stripe's (2.5 MB) in minutes, so it runs on a copy cut at run time: response schemas become
// `{type: object}`, which requests do not use, and component schemas nothing else reaches are
// left out. The client is generated from the full spec. Credentials are sent (Prism answers 401 to
// a secured operation without them and checks nothing else); a 401 or 422 problem reply counts as
// a failure, as does any violation located in the request, unless one of Prism's own limits,
// proven from the bytes sent, explains it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Api } from "../../generator/ir/model.js";
import { planNames, type NameTable } from "../../generator/names/plan.js";
import { generate } from "../../generator/pipeline.js";
import { succeeded } from "./pipeline.js";
import { launchPrism, requestViolations, writeFiles, type RunningPrism, type Violation } from "./prism.js";
import { Sampler, type SampleOptions } from "./sample.js";

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/** Sent with every call: the first security scheme of an operation that they fill is used. */
export const CREDENTIALS = { token: "sk_test_specforge", username: "AC00000000000000000000000000000000", password: "secret" };

export interface ApiUnderPrism {
  root: Raw;
  api: Api;
  names: NameTable;
  client: Record<string, unknown>;
  prism: RunningPrism;
}

/** Generates the client of `spec` into `out`, and starts Prism on the cut copy. */
export async function startApiUnderPrism(spec: string, out: string): Promise<ApiUnderPrism> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const root = JSON.parse(readFileSync(spec, "utf8")) as Raw;
  writeFileSync(join(out, "cut.json"), JSON.stringify(cutSpec(root)));
  // Prism loads in its own process while the client is generated here.
  const prism = await launchPrism(join(out, "cut.json"));
  try {
    const result = succeeded(await generate(spec));
    writeFiles(join(out, "client"), result.files);
    const client = (await import(pathToFileURL(join(out, "client", "index.ts")).href)) as Record<string, unknown>;
    await prism.ready(120_000);
    return { root, api: result.api, names: planNames(result.api), client, prism };
  } catch (error) {
    prism.stop();
    throw error;
  }
}

/** One operation called by its operationId: the body it sent and Prism's request violations. */
export async function callOne(
  run: ApiUnderPrism,
  operationId: string,
  params: unknown,
): Promise<{ body: string; violations: Violation[] }> {
  const index = run.api.operations.findIndex((o) => o.operationId === operationId);
  const fn = run.client[run.names.operations[index]!.fn] as (params: unknown, options: unknown) => Promise<unknown>;
  let body = "";
  let violations: Violation[] = [];
  const fetcher = async (request: Request): Promise<Response> => {
    body = await request.clone().text();
    const response = await fetch(request);
    violations = (await verdictOf(response)).violations;
    return response;
  };
  await fn(params, { baseUrl: run.prism.baseUrl, fetch: fetcher, maxRetries: 0, ...CREDENTIALS }).catch(() => undefined);
  return { body, violations };
}

/** A form body written by hand, POSTed with HTTP basic credentials: Prism's request violations. */
export async function postFormByHand(run: ApiUnderPrism, path: string, body: string): Promise<Violation[]> {
  const response = await fetch(`${run.prism.baseUrl}${path}`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${CREDENTIALS.username}:${CREDENTIALS.password}`)}`,
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
    },
    body,
  });
  const { violations } = await verdictOf(response);
  await response.arrayBuffer();
  return violations;
}

/**
 * What Prism says of a request: the violations located in it, from the `sl-violations` header and
 * from the `validation` of a 422 problem reply (sent when the spec declares no error response to
 * mock); and a problem that lists none (a 401: credentials missing or not accepted).
 */
export async function verdictOf(response: Response): Promise<{ violations: Violation[]; problem?: string }> {
  const violations = requestViolations(response.headers.get("sl-violations"));
  if ((response.status !== 401 && response.status !== 422) || !response.headers.get("content-type")?.includes("problem+json"))
    return { violations };
  const problem = (await response.clone().json()) as { status: number; detail: string; validation?: Violation[] };
  violations.push(...(problem.validation ?? []).map((v): Violation => ({ ...v, location: ["request", ...v.location] })));
  return violations.length > 0 ? { violations } : { violations, problem: `${problem.status} ${problem.detail}` };
}

/** The spec with every response schema cut to `{type: object}`, and the component schemas nothing else reaches left out. */
export function cutSpec(spec: Raw): Raw {
  const cut = structuredClone(spec) as Raw & { paths: Record<string, Raw>; components: { schemas: Raw } };
  for (const item of Object.values(cut.paths))
    for (const operation of Object.values(item))
      if (isRecord(operation) && isRecord(operation.responses))
        for (const response of Object.values(operation.responses))
          if (isRecord(response) && isRecord(response.content))
            for (const media of Object.values(response.content)) if (isRecord(media)) media.schema = { type: "object" };
  const reached = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node))
      for (const [key, value] of Object.entries(node)) {
        const name = key === "$ref" && typeof value === "string" && /^#\/components\/schemas\/(.+)$/.exec(value)?.[1];
        if (name && !reached.has(name)) (reached.add(name), walk(cut.components.schemas[name]));
        else walk(value);
      }
  };
  walk(cut.paths);
  for (const name of Object.keys(cut.components.schemas)) if (!reached.has(name)) delete cut.components.schemas[name];
  return cut;
}

/**
 * Prism's own limits, each recognised from the violation and proven from the bytes sent, so that
 * nothing else can pass for one.
 */
export const PRISM_LIMITS = {
  absentObject:
    "Prism's deepObject reader (prism-http validator/deserializers/style/deepObject.js) builds every object-typed field from the schema's properties, sent or not, so an optional object field that was not sent is reported as missing its required members. Proven: the request holds no key for the reported field.",
  unreadUnion:
    "Prism's deepObject reader looks a member whose schema is a union (anyOf/oneOf without a type) up under its bare key only, so the bracket keys sent for it (options[0]=…) go unread and it is reported missing. Proven: the request holds keys for the member reported missing.",
  formArray:
    "Prism makes a form-body field an array only when the spec gives it an encoding style (prism-http validator/validators/body.js reads a repeated key as its last value), which Twilio's specs do not: an array sent as repeated keys, as OpenAPI's default (form, explode) says, is read as one string. Proven: the body holds the key; ../shared/notes/prism.md reports the same for multipart.",
  objectArray:
    "Prism reads an array of objects in a form body only as JSON text items (prism-http validator/validators/body.js, parseBrokenJSONArray), while Stripe and qs write line_items[0][price]=…; it rejects the whole body. Proven: the body holds such bracket keys; the test below shows Prism accepting the JSON form instead.",
} as const;

export type Limit = keyof typeof PRISM_LIMITS;

export interface Outcome {
  label: string;
  /** Violations that no limit explains. */
  problems: string[];
  limits: Set<Limit>;
}

/** The decoded keys a request sends: query names, form keys or multipart part names. */
export function sentKeys(url: string, contentType: string, body: string): { query: string[]; body: string[] } {
  const query = [...new URL(url).searchParams.keys()];
  if (contentType.startsWith("application/x-www-form-urlencoded")) return { query, body: [...new URLSearchParams(body).keys()] };
  return { query, body: [...body.matchAll(/Content-Disposition: form-data; name="([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!)) };
}

/** The value at `path` in the arguments, if any. */
const valueAt = (value: unknown, path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (typeof v === "object" && v !== null ? (v as Raw)[key] : undefined), value);

/**
 * The limit that explains a violation, judged from the arguments and the bytes sent; undefined when
 * none does. `args` holds the body and the query parameters by their spec names.
 */
export function limitOf(v: Violation, sent: { query: string[]; body: string[] }, args: { body?: unknown; query: Raw }): Limit | undefined {
  const [, where, ...path] = v.location;
  if (/Cannot deserialize JSON object array/.test(v.message) && sent.body.some((k) => /\[\d+\]\[/.test(k))) return "objectArray";
  if (/must be array/.test(v.message) && where === "body" && path.length === 1 && sent.body.includes(path[0]!)) return "formArray";
  const missing = /must have required property '([^']+)'/.exec(v.message)?.[1];
  if (missing === undefined || (where !== "body" && where !== "query") || path.length === 0) return undefined;
  const keys = where === "body" ? sent.body : sent.query;
  const holds = (parts: string[]): boolean => {
    const key =
      parts[0] +
      parts
        .slice(1)
        .map((p) => `[${p}]`)
        .join("");
    return keys.some((k) => k === key || k.startsWith(`${key}[`));
  };
  if (holds([...path, missing])) return "unreadUnion";
  const given = where === "body" ? valueAt(args.body, path) : valueAt(args.query, path);
  return !holds(path) && given === undefined ? "absentObject" : undefined;
}

/** Calls every operation with arguments built from the spec; what Prism found wrong with each request, limits set apart. */
export async function callAll(run: ApiUnderPrism, options: SampleOptions): Promise<Outcome[]> {
  const { api, names, client, prism, root } = run;
  const sampler = new Sampler(root, options);
  const at = (pointer: string): unknown => sampler.resolve({ $ref: `#${pointer}` });
  const outcomes: Outcome[] = [];
  for (const [index, operation] of api.operations.entries()) {
    const own = names.operations[index]!;
    const label = `${operation.method.toUpperCase()} ${operation.path}`;
    const params: Record<string, unknown> = {};
    operation.parameters.forEach((p, i) => {
      if (p.required || options.optionalDepth !== undefined) params[own.parameters[i]!] = sampler.value(at(`${p.pointer}/schema`));
    });
    if (operation.body && (operation.body.required || options.optionalDepth !== undefined)) {
      const mediaType = operation.body.mediaType.replace(/~/g, "~0").replace(/\//g, "~1");
      params.body = sampler.value(at(`${operation.body.pointer}/content/${mediaType}/schema`));
    }
    const query = Object.fromEntries(
      operation.parameters.flatMap((p, i) => (p.in === "query" ? [[p.name, params[own.parameters[i]!]]] : [])),
    );
    const outcome: Outcome = { label, problems: [], limits: new Set() };
    const judge = async (request: Request): Promise<Response> => {
      const sent = sentKeys(request.url, request.headers.get("content-type") ?? "", request.body ? await request.clone().text() : "");
      const response = await fetch(request);
      const { violations, problem } = await verdictOf(response);
      if (problem) outcome.problems.push(problem);
      for (const v of violations) {
        const limit = limitOf(v, sent, { body: params.body, query });
        if (limit) outcome.limits.add(limit);
        else outcome.problems.push(`${v.location.join(".")}: ${v.message}`);
      }
      return response;
    };
    const fn = client[own.fn] as (params: unknown, options: unknown) => Promise<unknown>;
    try {
      await fn(params, { baseUrl: prism.baseUrl, fetch: judge, maxRetries: 0, ...CREDENTIALS });
    } catch (error) {
      // Prism's mock responses are not what this test judges; a request that was never sent is.
      if (!(error instanceof Error && error.name === "ApiError")) outcome.problems.push(`not sent: ${String(error)}`);
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Logs the figures and each operation a limit explains, and returns the unexplained failures. */
export function report(pass: string, outcomes: Outcome[]): string[] {
  const accepted = outcomes.filter((o) => o.problems.length === 0 && o.limits.size === 0).length;
  const lines = [`${pass}: Prism accepted ${accepted} of ${outcomes.length} requests.`];
  for (const limit of Object.keys(PRISM_LIMITS) as Limit[]) {
    const hit = outcomes.filter((o) => o.problems.length === 0 && o.limits.has(limit)).map((o) => o.label);
    if (hit.length > 0) lines.push(`  ${hit.length} rejected by Prism's limit "${limit}" only: ${hit.join(", ")}`);
  }
  console.log(lines.join("\n"));
  return outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.label}: ${o.problems.join("; ")}`);
}

/** An array whose items are objects: what Prism cannot read in a form body (PRISM_LIMITS.objectArray). */
export const isObjectArray = (schema: Raw): boolean => {
  const items = isRecord(schema.items) ? schema.items : {};
  return schema.type === "array" && (items.type === "object" || isRecord(items.properties) || Array.isArray(items.anyOf));
};
