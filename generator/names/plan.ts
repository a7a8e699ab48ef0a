import { guardedSchemas } from "../ir/guarded.js";
import type { Api, NamedSchema, Operation } from "../ir/model.js";
import { camelCase, isPascalIdentifier, pascalCase, singular, words } from "./case.js";
import { environmentKeys } from "./environments.js";
import { Namespace } from "./namespace.js";
import { RESERVED } from "./reserved.js";

export interface SchemaNames {
  type: string;
  /** Present for schemas that get a runtime guard. */
  guard?: string;
  /** Present for discriminated unions. */
  match?: string;
  values?: string;
}

export interface OperationNames {
  /** The standalone exported function, e.g. `createEnvironmentVariable`. */
  fn: string;
  /** `client.<group>.<method>` */
  group: string;
  method: string;
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

/** A valid identifier from a candidate: names starting with a digit get a leading underscore. */
const identifier = (candidate: string, fallback: string): string => {
  const name = candidate === "" ? fallback : candidate;
  return /^\p{ID_Start}/u.test(name) ? name : `_${name}`;
};

/**
 * Schema names: a component name that is already PascalCase (`EnvironmentVariableResponse`) is
 * kept exactly; anything else is made PascalCase from its words. Exact names are claimed first,
 * then converted component names, then hoisted schemas, so the spec's own names win collisions.
 */
export function planNames(api: Api): NameTable {
  const space = new Namespace(RESERVED);
  const schemas = new Map<string, SchemaNames>();
  const exact = (s: NamedSchema): boolean => s.origin === "component" && isPascalIdentifier(s.nameHint[0] ?? "");
  const ordered = [
    ...api.schemas.filter(exact),
    ...api.schemas.filter((s) => s.origin === "component" && !exact(s)),
    ...api.schemas.filter((s) => s.origin === "inline"),
  ];
  for (const schema of ordered) schemas.set(schema.id, { type: space.claim(typeName(schema)) });
  for (const schema of guardedSchemas(api)) {
    const names = schemas.get(schema.id)!;
    names.guard = space.claim(`is${names.type}`);
    if (schema.type.kind === "union" && schema.type.discriminator) {
      names.match = space.claim(`match${names.type}`);
      const property = pascalCase(schema.type.discriminator.property);
      names.values = space.claim(`${names.type.charAt(0).toLowerCase()}${names.type.slice(1)}${property}Values`);
    }
  }
  const methodsByGroup = new Map<string, Namespace>();
  const operations = api.operations.map((operation) => operationNames(operation, space, methodsByGroup));
  return { schemas, operations, environments: environmentKeys(api.servers) };
}

function typeName(schema: NamedSchema): string {
  const [first = ""] = schema.nameHint;
  if (schema.nameHint.length === 1 && isPascalIdentifier(first)) return first;
  return identifier(schema.nameHint.map(pascalCase).join(""), "Schema");
}

/**
 * Group: `x-fern-sdk-group-name`, else the first tag without Fern's `subpackage_` prefix.
 * Method: `x-fern-sdk-method-name`, else the operationId, else method + path.
 * Function: the method's first word (a verb), the group (singular unless the verb is `list`),
 * then the method's other words: `create` in `environmentVariables` -> `createEnvironmentVariable`,
 * `convertWithTimestamps` in `textToSpeech` -> `convertTextToSpeechWithTimestamps`. The group is
 * left out when the method already names it: `get_pet` in `pets` -> `getPet`.
 */
function operationNames(operation: Operation, space: Namespace, methodsByGroup: Map<string, Namespace>): OperationNames {
  const groupSource = operation.sdkGroup?.join("_") ?? operation.tags[0]?.replace(/^subpackage_/, "") ?? "default";
  const group = identifier(camelCase(groupSource), "default");
  const wantedMethod = identifier(camelCase(operation.sdkMethod ?? operation.operationId ?? `${operation.method} ${operation.path}`), operation.method);
  const [verb = operation.method, ...rest] = words(wantedMethod);
  const methods = methodsByGroup.get(group) ?? new Namespace();
  methodsByGroup.set(group, methods);
  const method = methods.claim(wantedMethod);
  const groupWords = words(group).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const lastGroupWord = singular(groupWords.at(-1) ?? "").toLowerCase();
  const namesGroup = rest.some((w) => singular(w).toLowerCase() === lastGroupWord);
  if (verb.toLowerCase() !== "list" && groupWords.length > 0) groupWords.push(singular(groupWords.pop()!));
  const fn = space.claim(camelCase([verb, ...(namesGroup ? [] : groupWords), ...rest].join("_")));
  const pascal = fn.charAt(0).toUpperCase() + fn.slice(1);
  const keys = new Namespace(["body"]);
  const parameters = operation.parameters.map((p) => keys.claim(identifier(camelCase(p.name), "param")));
  return {
    fn,
    group,
    method,
    paramsType: space.claim(`${pascal}Params`),
    errorType: space.claim(`${pascal}Error`),
    errorGuard: space.claim(`is${pascal}Error`),
    parameters,
  };
}
