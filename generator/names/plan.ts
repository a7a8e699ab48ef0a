import { guardedSchemas } from "../ir/guarded.js";
import type { Naming } from "../public.js";
import type { Api, NamedSchema, Operation } from "../ir/model.js";
import { camelCase, isPascalIdentifier, pascalCase, singular, words } from "./case.js";
import { environmentKeys } from "./environments.js";
import { fastApiBodyName, fastApiBodyRank, fastApiFunctionName } from "./fastapi.js";
import { Namespace } from "./namespace.js";
import { RESERVED } from "./reserved.js";

export interface SchemaNames {
  type: string;
  /** Present for schemas that get a runtime guard. */
  guard?: string;
  /** Present for discriminated unions. */
  match?: string;
  values?: string;
  /** For enum schemas: keys of the const object named like the type, one per non-null value. */
  enumKeys?: string[];
}

export interface OperationNames {
  /** The standalone exported function, e.g. `createEnvironmentVariable`. */
  fn: string;
  /** `client.<group...>.<method>`: one key per `x-fern-sdk-group-name` entry, e.g. ["voices", "pvc", "samples"]. */
  groupPath: string[];
  /** The client path of the group, `groupPath` joined with dots: `voices.pvc.samples`. */
  group: string;
  method: string;
  /** `operations/<file>.ts`; unique even on case-insensitive file systems. */
  file: string;
  /** For binary responses, the variant that returns the body as a stream, e.g. `convertTextToSpeechAsStream`. */
  stream?: { fn: string; method: string };
  paramsType: string;
  errorType: string;
  errorGuard: string;
  /** Keys of the params object, one per IR parameter, in order. */
  parameters: string[];
}

/** Every identifier the emitters print, decided once. Emitters never make up a name. */
export interface NameTable {
  schemas: Map<string, SchemaNames>;
  /** Parallel to `api.operations`. */
  operations: OperationNames[];
  /** Keys of the `environments` const, parallel to `api.servers`. */
  environments: string[];
}

/** A name a config's naming hook returned, made a valid identifier; the chosen name if it returned nothing usable. */
const hooked = (returned: unknown, chosen: string): string => (typeof returned === "string" ? identifier(returned, chosen) : chosen);

/** A valid identifier from a candidate: names starting with a digit get a leading underscore. */
const identifier = (candidate: string, fallback: string): string => {
  const valid = candidate.replace(/[^\p{ID_Continue}$\u200C\u200D]/gu, "");
  const name = valid === "" ? fallback : valid;
  return /^\p{ID_Start}/u.test(name) ? name : `_${name}`;
};

/**
 * Schema names: a component name that is already PascalCase (`EnvironmentVariableResponse`) is
 * kept exactly; anything else is made PascalCase from its words, FastAPI's `Body_<operationId>`
 * from the function name (`Body_Create_Agent_v1_convai_agents_create_post` -> `CreateAgentBody`, see fastapi.ts),
 * and a name that would shadow a global or runtime export gets `Model` (`Error` -> `ErrorModel`). Exact names are claimed first,
 * then converted component names (FastAPI bodies of aliases on their way out last), then hoisted
 * schemas, so the spec's own names win collisions.
 */
export function planNames(api: Api, naming: Naming = {}): NameTable {
  const space = new Namespace(RESERVED);
  const schemas = new Map<string, SchemaNames>();
  const exact = (s: NamedSchema): boolean =>
    s.origin === "component" && isPascalIdentifier(s.nameHint[0] ?? "") && !RESERVED.has(s.nameHint[0]!);
  const rank = (s: NamedSchema): number => fastApiBodyRank(s.nameHint[0] ?? "", api.operations);
  const ordered = [
    ...api.schemas.filter(exact),
    ...api.schemas.filter((s) => s.origin === "component" && !exact(s)).sort((a, b) => rank(a) - rank(b)),
    ...api.schemas.filter((s) => s.origin !== "component"),
  ];
  for (const schema of ordered) {
    const chosen = typeName(schema, api);
    const wanted = naming.type ? hooked(naming.type(chosen, { specName: schema.nameHint.join(".") }), chosen) : chosen;
    // A schema named like a global or a runtime export (`Error`, `Response`, `Client`) would shadow it.
    const names: SchemaNames = { type: space.claim(RESERVED.has(wanted) ? `${wanted}Model` : wanted) };
    if (schema.enumNames) names.enumKeys = enumKeys(schema);
    schemas.set(schema.id, names);
  }
  for (const schema of guardedSchemas(api)) {
    const names = schemas.get(schema.id)!;
    names.guard = space.claim(`is${names.type}`);
    if (schema.type.kind === "union" && schema.type.discriminator) {
      names.match = space.claim(`match${names.type}`);
      const property = pascalCase(schema.type.discriminator.property);
      names.values = space.claim(`${names.type.charAt(0).toLowerCase()}${names.type.slice(1)}${property}Values`);
    }
  }
  const tree = newGroupNode();
  const files = new Map<string, string>();
  const fileSpace = new Namespace();
  const operations = api.operations.map((operation) =>
    operationNames(operation, space, tree, (path) => fileOf(path, files, fileSpace), naming.operation),
  );
  return { schemas, operations, environments: environmentKeys(api.servers) };
}

/**
 * Keys of an enum's const object: the `x-enum-varnames`/`x-enumNames` entry when it is an
 * identifier, else the value in PascalCase (`auth_connection` -> `AuthConnection`).
 */
function enumKeys(schema: NamedSchema): string[] {
  const keys = new Namespace();
  const values = schema.type.kind === "union" ? schema.type.members : [schema.type];
  const literals = values.flatMap((m) => (m.kind === "literal" && m.value !== null ? [m.value] : []));
  return literals.map((value, i) => {
    const given = schema.enumNames?.[i];
    if (given !== undefined && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(given)) return keys.claim(given);
    return keys.claim(identifier(pascalCase(String(value)), "Empty"));
  });
}

function typeName(schema: NamedSchema, api: Api): string {
  const [head = "", ...rest] = schema.nameHint;
  if (rest.length === 0 && isPascalIdentifier(head)) return head;
  const parts = [fastApiBodyName(head, api.operations) ?? head, ...rest];
  return identifier(parts.map(pascalCase).join(""), "Schema");
}

/** A level of the client: its keys (methods and sub-groups share one namespace) and its sub-groups by spec name. */
interface GroupNode {
  keys: Namespace;
  children: Map<string, { key: string; node: GroupNode }>;
}

const newGroupNode = (): GroupNode => ({ keys: new Namespace(), children: new Map() });

/** Longest file name stem: file systems refuse names over 255 bytes, and a tag may be any length. */
const MAX_FILE_STEM = 80;

/** One file per group path; names that differ only in case get a number, for case-insensitive file systems. */
function fileOf(path: string[], files: Map<string, string>, space: Namespace): string {
  const joined = identifier(camelCase(path.join("_")), "default").slice(0, MAX_FILE_STEM);
  const known = files.get(joined);
  if (known !== undefined) return known;
  const folded = [...files.values()].map((f) => f.toLowerCase());
  let file = joined;
  for (let n = 2; folded.includes(file.toLowerCase()); n++) file = `${joined}${n}`;
  files.set(joined, space.claim(file));
  return files.get(joined)!;
}

/**
 * Group: `x-fern-sdk-group-name`, else the first tag without Fern's `subpackage_` prefix. A list
 * (`["voices", "pvc", "samples"]`) nests, as in Fern's SDKs: `client.voices.pvc.samples.create`.
 * Method: `x-fern-sdk-method-name`, else the operationId, else method + path.
 * Function: the method's first word (a verb), the group (singular unless the verb is `list`),
 * then the method's other words: `create` in `environmentVariables` -> `createEnvironmentVariable`,
 * `convertWithTimestamps` in `textToSpeech` -> `convertTextToSpeechWithTimestamps`. The group is
 * left out when the method already names it: `get_pet` in `pets` -> `getPet`.
 */
function operationNames(
  operation: Operation,
  space: Namespace,
  tree: GroupNode,
  fileFor: (path: string[]) => string,
  hook?: Naming["operation"],
): OperationNames {
  const groupSources = operation.sdkGroup ?? [operation.tags[0]?.replace(/^subpackage_/, "") ?? "default"];
  const joinedGroup = identifier(camelCase(groupSources.join("_")), "default");
  const groupPath: string[] = [];
  let node = tree;
  for (const source of groupSources) {
    const wanted = identifier(camelCase(source), "default");
    let child = node.children.get(wanted);
    if (!child) node.children.set(wanted, (child = { key: node.keys.claim(wanted), node: newGroupNode() }));
    groupPath.push(child.key);
    node = child.node;
  }
  const operationId =
    operation.operationId && (fastApiFunctionName(operation.operationId, operation.path, operation.method) ?? operation.operationId);
  const wantedMethod = identifier(
    camelCase(operation.sdkMethod ?? operationId ?? `${operation.method} ${operation.path}`),
    operation.method,
  );
  const [verb = operation.method, ...rest] = words(wantedMethod);
  const method = node.keys.claim(wantedMethod);
  const groupWords = words(joinedGroup).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const lastGroupWord = singular(groupWords.at(-1) ?? "").toLowerCase();
  const namesGroup = rest.some((w) => singular(w).toLowerCase() === lastGroupWord);
  if (verb.toLowerCase() !== "list" && groupWords.length > 0) groupWords.push(singular(groupWords.pop()!));
  const chosen = identifier(camelCase([verb, ...(namesGroup ? [] : groupWords), ...rest].join("_")), operation.method);
  const context = { method: operation.method, path: operation.path, tags: operation.tags, group: groupPath.join(".") };
  const wantedFn = hook
    ? hooked(hook(chosen, operation.operationId === undefined ? context : { ...context, operationId: operation.operationId }), chosen)
    : chosen;
  const fn = space.claim(wantedFn);
  const pascal = fn.charAt(0).toUpperCase() + fn.slice(1);
  // `body` and `partHeaders` (multipart part headers) are the params' own keys. Object.prototype
  // members would clash with the `{}` that all-optional params default to.
  const keys = new Namespace([
    "body",
    "partHeaders",
    "constructor",
    "toString",
    "toLocaleString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
  ]);
  const parameters = operation.parameters.map((p) => keys.claim(identifier(camelCase(p.name), "param")));
  const names: OperationNames = {
    fn,
    groupPath,
    group: groupPath.join("."),
    method,
    file: fileFor(groupSources),
    paramsType: space.claim(`${pascal}Params`),
    errorType: space.claim(`${pascal}Error`),
    errorGuard: space.claim(`is${pascal}Error`),
    parameters,
  };
  if (operation.reading === "blob") names.stream = { fn: space.claim(`${fn}AsStream`), method: node.keys.claim(`${method}AsStream`) };
  return names;
}
