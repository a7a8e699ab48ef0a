import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Api, NamedSchema, Operation, Parameter, Server, TypeNode } from "../generator/ir/model.js";
import { camelCase, isPascalIdentifier, pascalCase, singular, words } from "../generator/names/case.js";
import { Namespace } from "../generator/names/namespace.js";
import { planNames, type OperationNames, type SchemaNames } from "../generator/names/plan.js";
import { RESERVED, RUNTIME_EXPORTS, WIRE_EXPORTS } from "../generator/names/reserved.js";

describe("case: words", () => {
  it.each<{ given: string; want: string[] }>([
    { given: "environment_variables_create_Request", want: ["environment", "variables", "create", "Request"] },
    { given: "subpackage_environmentVariables", want: ["subpackage", "environment", "Variables"] },
    {
      given: "Body_Create_Agent_v1_convai_agents_create_post",
      want: ["Body", "Create", "Agent", "v1", "convai", "agents", "create", "post"],
    },
    { given: "EnvironmentVariableResponse", want: ["Environment", "Variable", "Response"] },
    { given: "Café_crème", want: ["Cafe", "creme"] },
    { given: "naïve façade", want: ["naive", "facade"] },
    { given: "ÅngströmUnit", want: ["Angstrom", "Unit"] },
    { given: "ﬁle_name", want: ["file", "name"] },
    { given: "日本語_api", want: ["日本語", "api"] },
    { given: "xi-api-key", want: ["xi", "api", "key"] },
    { given: "v2Api", want: ["v2", "Api"] },
    { given: "2fa_code", want: ["2fa", "code"] },
    { given: "a.b/c d", want: ["a", "b", "c", "d"] },
    { given: "  __--  ", want: [] },
    { given: "", want: [] },
  ])("words($given)", ({ given, want }) => {
    expect(words(given)).toEqual(want);
  });
});

describe("case: pascalCase", () => {
  it.each([
    { given: "environment_variables_create_Request", want: "EnvironmentVariablesCreateRequest" },
    { given: "HTTPValidationError", want: "HTTPValidationError" },
    { given: "EnvironmentVariableResponse", want: "EnvironmentVariableResponse" },
    { given: "subpackage_environmentVariables", want: "SubpackageEnvironmentVariables" },
    { given: "Body_Create_Agent_v1_convai_agents_create_post", want: "BodyCreateAgentV1ConvaiAgentsCreatePost" },
    { given: "Café_crème", want: "CafeCreme" },
    { given: "ﬁle_name", want: "FileName" },
    { given: "xi-api-key", want: "XiApiKey" },
    { given: "2fa_code", want: "2faCode" },
    { given: "123", want: "123" },
    { given: "already PascalCase", want: "AlreadyPascalCase" },
    { given: "", want: "" },
  ])("pascalCase($given) = $want", ({ given, want }) => {
    expect(pascalCase(given)).toBe(want);
  });
});

describe("case: camelCase", () => {
  it.each([
    { given: "Create_Item", want: "createItem" },
    { given: "create-item", want: "createItem" },
    { given: "xi-api-key", want: "xiApiKey" },
    { given: "subpackage_environmentVariables", want: "subpackageEnvironmentVariables" },
    { given: "environment_variables_create_Request", want: "environmentVariablesCreateRequest" },
    { given: "Body_Create_Agent_v1_convai_agents_create_post", want: "bodyCreateAgentV1ConvaiAgentsCreatePost" },
    { given: "ID", want: "id" },
    { given: "URL_path", want: "urlPath" },
    { given: "EU residency", want: "euResidency" },
    { given: "Café_crème", want: "cafeCreme" },
    { given: "2fa_code", want: "2faCode" },
    { given: "", want: "" },
  ])("camelCase($given) = $want", ({ given, want }) => {
    expect(camelCase(given)).toBe(want);
  });

  // BUG (generator/names/case.ts words/camelCase): words() only splits at lower->upper steps, so
  // an acronym followed by a word stays one word ("HTTPGet", "HTTPValidation"). That word is not
  // all capitals, so camelCase lowers only its first letter: camelCase("HTTPGet") is "hTTPGet",
  // although the doc comment promises "HTTPGet stays readable as httpGet". Parameter keys, group
  // and method names go through camelCase, so a header `HTTPAuth` becomes the key `hTTPAuth`.
  it.each([
    { given: "HTTPGet", want: "httpGet" },
    { given: "HTTPValidationError", want: "httpValidationError" },
    { given: "APIKey", want: "apiKey" },
  ])("camelCase($given) = $want (acronym first)", ({ given, want }) => {
    expect(camelCase(given)).toBe(want);
  });
});

describe("case: singular", () => {
  it.each([
    { given: "Variables", want: "Variable" },
    { given: "Histories", want: "History" },
    { given: "Agents", want: "Agent" },
    { given: "Boxes", want: "Box" },
    { given: "Branches", want: "Branch" },
    { given: "Dishes", want: "Dish" },
    { given: "Addresses", want: "Address" },
    { given: "Address", want: "Address" },
    { given: "Status", want: "Status" },
    { given: "Analysis", want: "Analysis" },
    { given: "Speech", want: "Speech" },
    { given: "Voice", want: "Voice" },
  ])("singular($given) = $want", ({ given, want }) => {
    expect(singular(given)).toBe(want);
  });
});

describe("case: isPascalIdentifier", () => {
  it.each([
    { given: "HTTPValidationError", want: true },
    { given: "EnvironmentVariableResponse", want: true },
    { given: "A", want: true },
    { given: "A1", want: true },
    { given: "Foo_Bar", want: false },
    { given: "fooBar", want: false },
    { given: "1Foo", want: false },
    { given: "Café", want: false },
    { given: "Foo Bar", want: false },
    { given: "Foo-Bar", want: false },
    { given: "Foo$", want: false },
    { given: "", want: false },
  ])("isPascalIdentifier($given) = $want", ({ given, want }) => {
    expect(isPascalIdentifier(given)).toBe(want);
  });
});

describe("Namespace", () => {
  it.each([
    { reserved: [], claims: ["Foo", "Foo", "Foo"], want: ["Foo", "Foo2", "Foo3"] },
    { reserved: ["Foo"], claims: ["Foo", "Foo2"], want: ["Foo2", "Foo22"] },
    { reserved: [], claims: ["Foo2", "Foo", "Foo"], want: ["Foo2", "Foo", "Foo3"] },
  ])("claims $claims with $reserved taken -> $want", ({ reserved, claims, want }) => {
    const space = new Namespace(reserved);
    expect(claims.map((c) => space.claim(c))).toEqual(want);
  });
});

/* ---------------------------------------------------------------- planNames */

const STRING: TypeNode = { kind: "string" };

const component = (name: string, type: TypeNode = STRING): NamedSchema => ({
  id: `/components/schemas/${name}`,
  nameHint: [name],
  origin: "component",
  type,
  doc: {},
});

const inline = (id: string, nameHint: string[]): NamedSchema => ({ id, nameHint, origin: "inline", type: STRING, doc: {} });

const param = (name: string): Parameter => ({
  name,
  in: "query",
  required: false,
  type: STRING,
  doc: {},
  pointer: `/p/${name}`,
  style: "form",
  explode: true,
  shape: "scalar",
});

const operation = (fields: Partial<Operation>): Operation => ({
  pointer: "/paths/~1x/post",
  method: "post",
  path: "/x",
  tags: [],
  deprecated: false,
  parameters: [],
  responses: [],
  reading: "json",
  security: [],
  ...fields,
});

const api = (fields: Partial<Api>): Api => ({
  title: "t",
  version: "1",
  servers: [],
  schemas: [],
  operations: [],
  incoming: [],
  ...fields,
});

const typeNames = (schemas: NamedSchema[]): string[] => {
  const table = planNames(api({ schemas }));
  return schemas.map((s) => table.schemas.get(s.id)?.type ?? "(none)");
};

describe("planNames: schema type names", () => {
  it.each<{ given: string; schemas: NamedSchema[]; want: string[] }>([
    { given: "PascalCase kept exactly", schemas: [component("EnvironmentVariableResponse")], want: ["EnvironmentVariableResponse"] },
    { given: "acronym PascalCase kept exactly", schemas: [component("HTTPValidationError")], want: ["HTTPValidationError"] },
    {
      given: "snake case converted",
      schemas: [component("environment_variables_create_Request")],
      want: ["EnvironmentVariablesCreateRequest"],
    },
    {
      given: "FastAPI body name converted",
      schemas: [component("Body_Create_Agent_v1_convai_agents_create_post")],
      want: ["BodyCreateAgentV1ConvaiAgentsCreatePost"],
    },
    { given: "diacritics stripped", schemas: [component("Café_crème")], want: ["CafeCreme"] },
    { given: "leading digit", schemas: [component("2fa")], want: ["_2fa"] },
    { given: "leading digits and words", schemas: [component("123_response")], want: ["_123Response"] },
    { given: "nothing usable", schemas: [component("__")], want: ["Schema"] },
    { given: "collision after conversion", schemas: [component("foo_bar"), component("foo-bar")], want: ["FooBar", "FooBar2"] },
    { given: "three-way collision", schemas: [component("a_b"), component("a-b"), component("a b")], want: ["AB", "AB2", "AB3"] },
    { given: "reserved global Error", schemas: [component("Error")], want: ["ErrorModel"] },
    { given: "reserved global Record", schemas: [component("Record")], want: ["RecordModel"] },
    { given: "reserved global Promise", schemas: [component("Promise")], want: ["PromiseModel"] },
    { given: "reserved global Response", schemas: [component("Response")], want: ["ResponseModel"] },
    { given: "reserved global after conversion", schemas: [component("request")], want: ["RequestModel"] },
    { given: "reserved runtime export ApiError", schemas: [component("ApiError")], want: ["ApiErrorModel"] },
    { given: "reserved runtime export Client", schemas: [component("Client")], want: ["ClientModel"] },
    { given: "reserved runtime export Environment", schemas: [component("Environment")], want: ["EnvironmentModel"] },
    { given: "the Model name itself taken", schemas: [component("ErrorModel"), component("Error")], want: ["ErrorModel", "ErrorModel2"] },
    {
      given: "inline name from several hints",
      schemas: [inline("/paths/~1a/post/requestBody", ["createAgent", "Request"])],
      want: ["CreateAgentRequest"],
    },
    {
      given: "components win over inline schemas listed before them",
      schemas: [inline("/paths/~1a/post/requestBody", ["Pet"]), component("Pet")],
      want: ["Pet2", "Pet"],
    },
  ])("$given", ({ schemas, want }) => {
    expect(typeNames(schemas)).toEqual(want);
  });

  // BUG (generator/names/plan.ts planNames): names are claimed in IR order, so a converted name
  // that comes first takes the name an exact PascalCase component needs: with `foo_bar` listed
  // before `FooBar`, the spec's `FooBar` is emitted as `FooBar2` and `foo_bar` gets `FooBar`,
  // breaking "a component name that is already PascalCase is kept exactly".
  it("an exact PascalCase name wins over a converted one listed before it", () => {
    expect(typeNames([component("foo_bar"), component("FooBar")])).toEqual(["FooBar2", "FooBar"]);
  });

  it("unions get guard, match and values names; their members get guards", () => {
    const cat = component("Cat", { kind: "object", properties: [] });
    const dog = component("Dog", { kind: "object", properties: [] });
    const pet = component("Pet", {
      kind: "union",
      members: [
        { kind: "ref", target: cat.id },
        { kind: "ref", target: dog.id },
      ],
      discriminator: {
        property: "pet_type",
        variants: [
          { target: cat.id, values: ["cat"] },
          { target: dog.id, values: ["dog"] },
        ],
      },
    });
    const plain = component("Owner");
    const table = planNames(api({ schemas: [cat, dog, pet, plain] }));
    expect(Object.fromEntries(table.schemas)).toEqual<Record<string, SchemaNames>>({
      "/components/schemas/Cat": { type: "Cat", guard: "isCat" },
      "/components/schemas/Dog": { type: "Dog", guard: "isDog" },
      "/components/schemas/Pet": { type: "Pet", guard: "isPet", match: "matchPet", values: "petPetTypeValues" },
      "/components/schemas/Owner": { type: "Owner" },
    });
  });
});

const names = (operations: Operation[], schemas: NamedSchema[] = []): OperationNames[] =>
  planNames(api({ operations, schemas })).operations;

describe("planNames: operations", () => {
  it.each<{ given: string; op: Operation; want: Omit<OperationNames, "parameters" | "groupPath" | "file"> }>([
    {
      given: "Fern tag + create",
      op: operation({ tags: ["subpackage_environmentVariables"], operationId: "create" }),
      want: {
        fn: "createEnvironmentVariable",
        group: "environmentVariables",
        method: "create",
        paramsType: "CreateEnvironmentVariableParams",
        errorType: "CreateEnvironmentVariableError",
        errorGuard: "isCreateEnvironmentVariableError",
      },
    },
    {
      given: "list keeps the plural",
      op: operation({ tags: ["subpackage_environmentVariables"], operationId: "list", method: "get" }),
      want: {
        fn: "listEnvironmentVariables",
        group: "environmentVariables",
        method: "list",
        paramsType: "ListEnvironmentVariablesParams",
        errorType: "ListEnvironmentVariablesError",
        errorGuard: "isListEnvironmentVariablesError",
      },
    },
    {
      given: "-ies group singular",
      op: operation({ tags: ["subpackage_histories"], operationId: "delete", method: "delete" }),
      want: {
        fn: "deleteHistory",
        group: "histories",
        method: "delete",
        paramsType: "DeleteHistoryParams",
        errorType: "DeleteHistoryError",
        errorGuard: "isDeleteHistoryError",
      },
    },
    {
      given: "Fern method words after the group",
      op: operation({ tags: ["subpackage_textToSpeech"], operationId: "convert_with_timestamps_v1", sdkMethod: "convertWithTimestamps" }),
      want: {
        fn: "convertTextToSpeechWithTimestamps",
        group: "textToSpeech",
        method: "convertWithTimestamps",
        paramsType: "ConvertTextToSpeechWithTimestampsParams",
        errorType: "ConvertTextToSpeechWithTimestampsError",
        errorGuard: "isConvertTextToSpeechWithTimestampsError",
      },
    },
    {
      given: "operationId that names the group: the function is the operationId, the client method leaves the group out",
      op: operation({ tags: ["pets"], operationId: "get_pet", method: "get" }),
      want: {
        fn: "getPet",
        group: "pets",
        method: "get",
        paramsType: "GetPetParams",
        errorType: "GetPetError",
        errorGuard: "isGetPetError",
      },
    },
    {
      given: "x-fern-sdk-group-name and method name win over tag and operationId",
      op: operation({ tags: ["ignored"], operationId: "ignored_too", sdkGroup: ["conversationalAi", "agents"], sdkMethod: "create" }),
      want: {
        fn: "createConversationalAiAgent",
        group: "conversationalAi.agents",
        method: "create",
        paramsType: "CreateConversationalAiAgentParams",
        errorType: "CreateConversationalAiAgentError",
        errorGuard: "isCreateConversationalAiAgentError",
      },
    },
  ])("$given", ({ op, want }) => {
    const [got] = names([op]);
    expect(got).toEqual({
      ...want,
      groupPath: want.group.split("."),
      file: want.group
        .split(".")
        .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
        .join(""),
      parameters: [],
    });
  });

  it("no tag and no operationId: the top level of the client, method from method and path", () => {
    const [got] = names([operation({ method: "get", path: "/v1/items/{id}" })]);
    expect({ groupPath: got?.groupPath, group: got?.group, method: got?.method, fn: got?.fn }).toEqual({
      groupPath: [],
      group: "",
      method: "getV1ItemsId",
      fn: "getV1ItemsId",
    });
  });

  // The rule of docs/naming.md, with operationIds and tags from real specs (Clerk, Petstore, FastAPI).
  it.each<{ given: string; op: Partial<Operation>; fn: string; client: string }>([
    { given: "Clerk: a descriptive operationId", op: { tags: ["Users"], operationId: "UsersBan" }, fn: "usersBan", client: "users.ban" },
    {
      given: "Clerk: an acronym group",
      op: { tags: ["Redirect URLs"], operationId: "CreateRedirectURL" },
      fn: "createRedirectURL",
      client: "redirectURLs.create",
    },
    { given: "Clerk: the group is the rest", op: { tags: ["JWKS"], operationId: "GetJWKS" }, fn: "getJWKS", client: "jwks.get" },
    {
      given: "Clerk: an instance setting",
      op: { tags: ["Instance Settings"], operationId: "UpdateInstanceRestrictions" },
      fn: "updateInstanceRestrictions",
      client: "instanceSettings.updateInstanceRestrictions",
    },
    { given: "Petstore: untagged", op: { operationId: "listPets" }, fn: "listPets", client: "listPets" },
    { given: "Petstore: tagged", op: { tags: ["pets"], operationId: "showPetById" }, fn: "showPetById", client: "pets.showById" },
    { given: "one word that is no verb", op: { tags: ["meta"], operationId: "health" }, fn: "health", client: "meta.health" },
    {
      given: "the seed style: tag + bare verb",
      op: { tags: ["voices"], operationId: "search" },
      fn: "searchVoice",
      client: "voices.search",
    },
    {
      given: "FastAPI: the function name, without path and method",
      op: { tags: ["items"], operationId: "read_items_v1_items__get", path: "/v1/items/", method: "get" },
      fn: "readItems",
      client: "items.read",
    },
    {
      given: "Fern's names win over the operationId",
      op: { tags: ["x"], operationId: "UsersBan", sdkGroup: ["users"], sdkMethod: "ban" },
      fn: "banUser",
      client: "users.ban",
    },
  ])("$given: $fn, client.$client", ({ op, fn, client }) => {
    const [got] = names([operation(op)]);
    expect([got?.fn, [...got!.groupPath, got!.method].join(".")]).toEqual([fn, client]);
  });

  it("operationIds that camelCase to the same name are composed from the tag instead", () => {
    const got = names([
      operation({ tags: ["pets"], operationId: "get-pet", method: "get" }),
      operation({ tags: ["owners"], operationId: "getPet", method: "get" }),
    ]);
    expect(got.map((o) => [o.fn, o.group, o.method])).toEqual([
      ["getPet", "pets", "getPet"],
      ["getOwnerPet", "owners", "getPet"],
    ]);
  });

  it("two operations with the same method in one group get distinct names", () => {
    const group = { tags: ["subpackage_environmentVariables"], method: "get" };
    const got = names([operation({ ...group, operationId: "get" }), operation({ ...group, operationId: "get" })]);
    expect(got.map((o) => [o.group, o.method, o.fn, o.paramsType])).toEqual([
      ["environmentVariables", "get", "getEnvironmentVariable", "GetEnvironmentVariableParams"],
      ["environmentVariables", "get2", "getEnvironmentVariable2", "GetEnvironmentVariable2Params"],
    ]);
  });

  it("the same method in two groups keeps its name in both", () => {
    const got = names([operation({ tags: ["pets"], operationId: "create" }), operation({ tags: ["users"], operationId: "create" })]);
    expect(got.map((o) => [o.group, o.method, o.fn])).toEqual([
      ["pets", "create", "createPet"],
      ["users", "create", "createUser"],
    ]);
  });

  it("operation names share one namespace with schema names", () => {
    const [got] = names(
      [operation({ tags: ["pets"], operationId: "create" })],
      [component("CreatePetParams"), component("CreatePetError")],
    );
    expect(got).toMatchObject({
      fn: "createPet",
      paramsType: "CreatePetParams2",
      errorType: "CreatePetError2",
      errorGuard: "isCreatePetError",
    });
  });

  it.each<{ given: string[]; want: string[] }>([
    { given: ["xi-api-key"], want: ["xiApiKey"] },
    { given: ["page_size", "pageSize"], want: ["pageSize", "pageSize2"] },
    { given: ["body"], want: ["body2"] },
    { given: ["Body", "body", "BODY"], want: ["body2", "body3", "body4"] },
    { given: ["1st"], want: ["_1st"] },
    { given: [""], want: ["param"] },
    { given: ["agent_id", "Café"], want: ["agentId", "cafe"] },
  ])("parameter keys $given -> $want", ({ given, want }) => {
    const [got] = names([operation({ tags: ["pets"], operationId: "list", parameters: given.map(param) })]);
    expect(got?.parameters).toEqual(want);
  });
});

describe("planNames: environments", () => {
  const url = (u: string, description?: string): Server =>
    description === undefined ? { url: u, variables: [] } : { url: u, description, variables: [] };

  it.each<{ given: string; servers: Server[]; want: string[] }>([
    {
      given: "ElevenLabs servers",
      servers: [
        url("https://api.elevenlabs.io"),
        url("https://api.us.elevenlabs.io"),
        url("https://api.eu.residency.elevenlabs.io"),
        url("https://api.in.residency.elevenlabs.io"),
      ],
      want: ["production", "us", "euResidency", "inResidency"],
    },
    { given: "one server", servers: [url("https://api.example.com/v1")], want: ["production"] },
    { given: "no servers", servers: [], want: [] },
    {
      given: "descriptions win",
      servers: [url("https://a.example.com", "Production"), url("https://b.example.com", "EU residency")],
      want: ["production", "euResidency"],
    },
    {
      given: "equal descriptions",
      servers: [url("https://a.example.com", "staging"), url("https://b.example.com", "Staging")],
      want: ["staging", "staging2"],
    },
    { given: "relative urls", servers: [url("/v1"), url("/v2")], want: ["production", "server2"] },
    {
      given: "leading digit",
      servers: [url("https://api.example.com"), url("https://1.api.example.com")],
      want: ["production", "server1"],
    },
  ])("$given", ({ servers, want }) => {
    expect(planNames(api({ servers })).environments).toEqual(want);
  });
});

describe("reserved names", () => {
  const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");
  const EXPORT =
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:class|function|const|let|var|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
  const exported = (text: string): string[] => [...text.matchAll(EXPORT)].map((m) => m[1]!);

  it.each([
    { given: "generated/runtime.ts + generated/client.ts", files: ["../generated/runtime.ts", "../generated/client.ts"] },
    { given: "templates/runtime.ts.hbs + templates/client.ts.hbs", files: ["../templates/runtime.ts.hbs", "../templates/client.ts.hbs"] },
  ])("RUNTIME_EXPORTS is exactly what $given export", ({ files }) => {
    const texts = files.map(read);
    // Re-export lists or default exports would escape the regex; these files have none.
    for (const text of texts) expect(text).not.toMatch(/^export\s+(?:\{|\*|default\b)/m);
    const found = texts.flatMap(exported);
    expect(found.length).toBe(new Set(found).size);
    // serverUrl exists only for specs whose servers have variables, which the seed's do not.
    const expected = files[0]!.startsWith("../generated/") ? RUNTIME_EXPORTS.filter((e) => e !== "serverUrl") : RUNTIME_EXPORTS;
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it("WIRE_EXPORTS is exactly what templates/wire.ts.hbs exports", () => {
    const found = exported(read("../templates/wire.ts.hbs"));
    expect([...found].sort()).toEqual([...WIRE_EXPORTS].sort());
  });

  it("the export regex sees every kind of export it claims to", () => {
    const sample =
      "export class A {}\nexport async function b() {}\nexport function c() {}\nexport const d = 1;\nexport interface E {}\nexport type F = 1;\n  export const notTopLevel = 1;\n";
    expect(exported(sample)).toEqual(["A", "b", "c", "d", "E", "F"]);
  });

  it.each([...RUNTIME_EXPORTS, ...WIRE_EXPORTS, "Error", "Record", "Promise", "params", "isRecord", "class", "await"])(
    "%s is reserved",
    (name) => {
      expect(RESERVED.has(name)).toBe(true);
    },
  );
});
