import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../generator/diagnostics.js";
import { runCli } from "./support/cli.js";
import { ts, typeCheck } from "./support/compile.js";
import { generated, tempFiles } from "./support/inputs.js";
import { FIXTURES } from "./support/paths.js";

/**
 * The failure shapes that real APIs showed (issue 12), one minimal spec each in
 * test/fixtures/shapes/: every one generates, its output and a usage file compile under the strict
 * flags as a bundler consumer with the DOM library and as a Node ESM consumer without it, and the
 * guards behave at run time.
 */
const SHAPES = join(FIXTURES, "shapes");
const fixtures = readdirSync(SHAPES)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

/** Code that uses each fixture's output as a user would; `@ts-expect-error` lines must stay errors. */
const USAGE: Record<string, string> = {
  "shared-discriminator-value": `
import { isItem, itemTypeValues, matchItem, type InputMessage, type Item, type OutputMessage } from "./index.js";
const text = (item: Item): string =>
  matchItem(item, {
    message: (m: InputMessage | OutputMessage) => ("content" in m ? m.content : m.parts.join(" ")),
    reference: (r) => r.ref,
  });
const values: readonly ["message", "reference"] = itemTypeValues;
const incoming: unknown = JSON.parse("{}");
if (isItem(incoming)) console.log(text(incoming), values);
const narrowed = (item: Item): string => {
  switch (item.type) {
    case "message":
      return "id" in item ? item.id : item.content;
    case "reference":
      return item.ref;
  }
};
// @ts-expect-error one handler for "message", which takes either variant: a second one is no key of the handlers
matchItem({ type: "reference", ref: "r" }, { message: () => 1, reference: () => 2, message2: () => 3 });
// @ts-expect-error the "message" handler must accept OutputMessage as well
matchItem({ type: "reference", ref: "r" }, { message: (m: InputMessage) => m.content, reference: () => "" });
console.log(narrowed);
`,
  "writable-variants": `
import { isDropletActionWritable, matchDropletActionWritable, postDropletAction, type DropletAction, type DropletActionSelfWritable, type DropletActionWritable } from "./index.js";
const body: unknown = JSON.parse('{"type":"reboot"}');
if (isDropletActionWritable(body)) {
  const kind: "reboot" | "power_off" | "snapshot" = body.type;
  const described = matchDropletActionWritable(body, {
    reboot: (a: DropletActionSelfWritable) => a.type,
    power_off: (a) => a.type,
    snapshot: (a) => a.name ?? "",
  });
  void postDropletAction({ id: 1, body });
  console.log(kind, described);
}
const read = (action: DropletAction): number | undefined => action.id;
// @ts-expect-error the readOnly id is not part of a request
const wrong: DropletActionWritable = { type: "reboot", id: 3 };
console.log(read, wrong);
`,
  webhooks: `
import { createSubscription, isNewPetWebhook, webhookGuards, type Callbacks, type Webhooks } from "./index.js";
const onNewPet = (body: Webhooks["newPet"]): string => body.name;
const onOrder = (body: Webhooks["order.created"]): number => body.total;
const incoming: unknown = JSON.parse("{}");
if (webhookGuards["order.created"](incoming)) console.log(onOrder(incoming));
if (isNewPetWebhook(incoming)) console.log(onNewPet(incoming));
const event: Callbacks["createSubscription"]["onEvent"] = { deleted: "pet-1" };
void createSubscription({ body: { callbackUrl: "https://example.com/hook" } });
// @ts-expect-error the payload of order.created has a total
const order: Webhooks["order.created"] = { id: "o" };
console.log(event, order);
`,
  names: `
import { createClient, createEnvironmentVariable, createRedirectURL, getJWKS, listEnvironmentVariables, listPets, shareVoice, usersBan } from "./index.js";
const client = createClient({ baseUrl: "https://example.com" });
void client.listPets();
void client.users.ban({ userId: "u" });
void client.redirectURLs.create();
void client.jwks.get();
void client.environmentVariables.create();
void client.environmentVariables.list();
void client.voices.share({ voiceId: "v" });
console.log(createEnvironmentVariable, createRedirectURL, getJWKS, listEnvironmentVariables, listPets, shareVoice, usersBan);
// @ts-expect-error untagged operations are not under a "default" group
void client.default;
`,
};

const root = tempFiles({ "package.json": '{ "type": "module" }\n' }, "specforge-shapes-");
const outputs = new Map<string, { files: Map<string, string>; diagnostics: Diagnostic[]; dir: string }>();

beforeAll(async () => {
  for (const fixture of fixtures) {
    const name = fixture.replace(/\.yaml$/, "");
    const result = await generated(join(SHAPES, fixture));
    const dir = join(root, name);
    for (const file of result.files.filter((f) => f.path.endsWith(".ts"))) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    if (USAGE[name]) writeFileSync(join(dir, "usage.ts"), USAGE[name]);
    outputs.set(name, { files: new Map(result.files.map((f) => [f.path, f.content])), diagnostics: result.diagnostics, dir });
  }
}, 120_000);

const output = (name: string) => outputs.get(name)!;

/** The output's modules transpiled to JavaScript next to them and imported, for checks at run time. */
async function load(name: string): Promise<Record<string, (...args: unknown[]) => unknown>> {
  const { dir, files } = output(name);
  for (const path of files.keys()) {
    if (!path.endsWith(".ts")) continue;
    const js = ts.transpileModule(files.get(path)!, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(dir, path.replace(/\.ts$/, ".js")), js.outputText);
  }
  return (await import(pathToFileURL(join(dir, "index.js")).href)) as Record<string, (...args: unknown[]) => unknown>;
}

describe("the shapes of issue 12 (test/fixtures/shapes)", () => {
  it("every fixture's output and usage compile strictly, as a bundler consumer with the DOM library and as Node ESM without it", () => {
    const entries = fixtures.flatMap((f) => {
      const { dir } = output(f.replace(/\.yaml$/, ""));
      return [join(dir, "index.ts"), ...(USAGE[f.replace(/\.yaml$/, "")] ? [join(dir, "usage.ts")] : [])];
    });
    expect(typeCheck(entries, "bundler")).toEqual([]);
    expect(typeCheck(entries, "nodenext", { lib: ["lib.es2023.d.ts"] })).toEqual([]);
  }, 300_000);

  it("every emitted TypeScript file is a module: a spec without schemas gets no types.ts, and index.ts does not re-export one", () => {
    for (const [name, { files }] of outputs) {
      for (const [path, content] of files)
        if (path.endsWith(".ts")) expect(`${name}/${path}: ${/^export /m.test(content)}`).toBe(`${name}/${path}: true`);
    }
    const { files } = output("no-schemas");
    expect(files.has("types.ts")).toBe(false);
    expect(files.get("index.ts")).not.toContain("./types.js");
  });

  it("variants that share a discriminator value: listed once, one match handler for both, the guard tries each shape, a warning with both pointers", async () => {
    const { files, diagnostics } = output("shared-discriminator-value");
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([["W_DISCRIMINATOR_VALUE_SHARED", "/components/schemas/OutputMessage"]]);
    expect(diagnostics[0]!.message).toContain("#/components/schemas/InputMessage and #/components/schemas/OutputMessage");
    const guards = files.get("guards.ts")!;
    expect(guards).toContain('export const itemTypeValues = ["message", "reference"] as const;');
    expect(guards).toContain("readonly message: (value: InputMessage | OutputMessage) => R;");
    expect(guards).toContain("return isInputMessage(value) || isOutputMessage(value);");
    const m = await load("shared-discriminator-value");
    expect(m.isItem!({ type: "message", content: "hi" })).toBe(true);
    expect(m.isItem!({ type: "message", id: "1", parts: [] })).toBe(true);
    expect(m.isItem!({ type: "message" })).toBe(false);
    expect(m.isItem!({ type: "other" })).toBe(false);
    const handlers = { message: (v: { type: string }) => `message ${JSON.stringify(v)}`, reference: () => "reference" };
    expect(m.matchItem!({ type: "message", id: "1", parts: [] }, handlers)).toBe('message {"type":"message","id":"1","parts":[]}');
  });

  it("variants with Writable forms: the parent that maps values to itself is a variant (`<Parent>Self`), guards narrow each direction", async () => {
    const { files, diagnostics } = output("writable-variants");
    expect(diagnostics).toEqual([]);
    expect(files.get("types.ts")).toContain(
      "export type DropletActionWritable = DropletActionSelfWritable | DropletActionSnapshotWritable;",
    );
    const m = await load("writable-variants");
    expect(m.isDropletActionWritable!({ type: "snapshot", name: "n" })).toBe(true);
    expect(m.isDropletActionWritable!({ type: "power_off" })).toBe(true);
    expect(m.isDropletAction!({ type: "reboot", id: 1, started_at: "2026-01-01T00:00:00Z" })).toBe(true);
    expect(m.isDropletAction!({ type: "reboot", id: "1" })).toBe(false);
    expect(m.isPostDropletActionBodyWritable!({ type: "rename" })).toBe(false);
  });

  it("webhooks and callbacks: a payload type and guard each, the maps, and the counts in the summary line", async () => {
    const { files, diagnostics } = output("webhooks");
    expect(diagnostics).toEqual([]);
    const types = files.get("types.ts")!;
    expect(types).toContain('  "order.created": OrderCreatedWebhook;');
    expect(types).toContain(
      "export interface Callbacks {\n  createSubscription: {\n    onEvent: CreateSubscriptionOnEventCallback;\n  };\n}",
    );
    const m = (await load("webhooks")) as unknown as { webhookGuards: Record<string, (v: unknown) => boolean> };
    expect(Object.keys(m.webhookGuards)).toEqual(["newPet", "order.created", "ping"]);
    expect(m.webhookGuards.newPet!({ name: "Rex" })).toBe(true);
    expect(m.webhookGuards.newPet!({ tag: "dog" })).toBe(false);
    expect(m.webhookGuards["order.created"]!({ id: "o", total: 3 })).toBe(true);
    expect(m.webhookGuards.ping!(undefined)).toBe(true);
    const out = tempFiles({}, "specforge-webhooks-");
    const run = runCli(["generate", "--spec", join(SHAPES, "webhooks.yaml"), "--out", join(out, "client")]);
    expect(run.stdout).toContain("specforge: 1 operation, 3 webhooks, 1 callback, 6 schemas ->");
  });

  it("`$ref` inside examples, extensions, enum, const and default is data; a default response's ref is followed", () => {
    const { files, diagnostics } = output("refs-in-data");
    expect(diagnostics).toEqual([]);
    expect(files.get("types.ts")).toMatch(/export interface Member \{[^}]*\$ref\?: string;/);
    expect(files.get("operations/default.ts")).toContain("ApiError<ClientErrorStatus | ServerErrorStatus, Problem>");
  });

  it("an explicit scalar type wins over object keywords beside it, on the wire as in the type", async () => {
    const { files } = output("scalar-type-with-object-keywords");
    expect(files.get("operations/default.ts")).toContain("query: query({ freeform: params.freeform, terms: params.terms }),");
    const m = await load("scalar-type-with-object-keywords");
    const urls: string[] = [];
    const fetch = async (request: Request): Promise<Response> => (urls.push(request.url), new Response(null, { status: 200 }));
    await m.setCookies!({ freeform: "a b", terms: "cloud" }, { baseUrl: "https://api.example.com", fetch });
    expect(urls).toEqual(["https://api.example.com/cookies/set?freeform=a%20b&terms=cloud"]);
  });

  it("a parent below another parent is a variant of its own kind (`<Parent>Self`), never a union pinned to one value", async () => {
    const { files, diagnostics } = output("nested-inheritance");
    expect(diagnostics).toEqual([]);
    expect(files.get("types.ts")).toContain("export type Thing = ActionSelf | Place | ImageActionSelf | ImageEntityAction;");
    const m = await load("nested-inheritance");
    expect(m.isThing!({ _type: "ImageAction", actionType: "x" })).toBe(true);
    expect(m.isThing!({ _type: "ImageEntityAction", entity: "e" })).toBe(true);
    expect(m.isAction!({ _type: "Place" })).toBe(false);
  });

  it("an allOf that refines a property of a named schema is checked before that schema's guard narrows the value", async () => {
    const m = await load("intersection-property-refined");
    expect(m.isMessage!({ video: { url: "u", thumb_url: "t" } })).toBe(true);
    expect(m.isMessage!({ video: { url: "u" } })).toBe(false);
    expect(m.isMessage!({ text: "hi" })).toBe(true);
  });

  it("names: operationIds as the API's docs give them, the tag + a bare verb composed, Fern's docs as Fern's names, untagged operations at the top of the client", () => {
    const client = output("names").files.get("client.ts")!;
    for (const line of ["listPets: (", "users: {", "ban: (", "redirectURLs: {", "jwks: {", "environmentVariables: {"])
      expect(client).toContain(line);
    expect(client).not.toContain("default:");
    expect(output("names").files.get("operations/environmentVariables.ts")).toContain("export async function createEnvironmentVariable(");
    // A `subpackage_voices` tag is Fern's docs: the operationId `share` is the SDK method, composed with the group.
    expect(output("names").files.get("operations/voices.ts")).toContain("export async function shareVoice(");
    expect(client).toMatch(/voices: \{\n.*\{@link shareVoice\}.*\n\s+share: \(/);
  });
});
