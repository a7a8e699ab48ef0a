import { guardedSchemas } from "../ir/guarded.js";
import type { Naming } from "../public.js";
import type { Api, NamedSchema, Operation } from "../ir/model.js";
import { camelCase, identifier, isPascalIdentifier, pascalCase } from "./case.js";
import { environmentKeys } from "./environments.js";
import { fastApiBodyName, fastApiBodyRank } from "./fastapi.js";
import { newGroupNode, operationNaming, sharedOperationIds, type GroupNode } from "./operations.js";
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

/** The maps of webhooks and callbacks to their payload types, present when the spec has any. */
export interface IncomingNames {
  /** `Webhooks`: webhook name -> payload type. */
  webhooks?: string;
  /** `webhookGuards`: webhook name -> the payload's guard. */
  webhookGuards?: string;
  /** `Callbacks`: operation function -> callback name -> payload type. */
  callbacks?: string;
}

/** Every identifier the emitters print, decided once. Emitters never make up a name. */
export interface NameTable {
  schemas: Map<string, SchemaNames>;
  incoming: IncomingNames;
  /** Parallel to `api.operations`. */
  operations: OperationNames[];
  /** Keys of the `environments` const, parallel to `api.servers`. */
  environments: string[];
}

/** A name a config's naming hook returned, made a valid identifier; the chosen name if it returned nothing usable. */
const hooked = (returned: unknown, chosen: string): string => (typeof returned === "string" ? identifier(returned, chosen) : chosen);

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
  const incoming: IncomingNames = {};
  if (api.incoming.some((i) => i.kind === "webhook")) {
    incoming.webhooks = space.claim("Webhooks");
    incoming.webhookGuards = space.claim("webhookGuards");
  }
  if (api.incoming.some((i) => i.kind === "callback")) incoming.callbacks = space.claim("Callbacks");
  const tree = newGroupNode();
  const files = new Map<string, string>();
  const fileSpace = new Namespace();
  const shared = sharedOperationIds(api.operations);
  const operations = api.operations.map((operation) =>
    operationNames(operation, space, tree, shared, (path) => fileOf(path, files, fileSpace), naming.operation),
  );
  return { schemas, incoming, operations, environments: environmentKeys(api.servers) };
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

/** The names of one operation; operations.ts decides its function and client names, a config's hook may rename the function. */
function operationNames(
  operation: Operation,
  space: Namespace,
  tree: GroupNode,
  shared: ReadonlySet<string>,
  fileFor: (path: string[]) => string,
  hook?: Naming["operation"],
): OperationNames {
  const { fn: chosen, groupPath, method, fileGroup, level } = operationNaming(operation, tree, shared);
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
    file: fileFor(fileGroup),
    paramsType: space.claim(`${pascal}Params`),
    errorType: space.claim(`${pascal}Error`),
    errorGuard: space.claim(`is${pascal}Error`),
    parameters,
  };
  if (operation.reading === "blob") names.stream = { fn: space.claim(`${fn}AsStream`), method: level.claim(`${method}AsStream`) };
  return names;
}
