// An independent scan of two raw OpenAPI documents for union variant changes: at each place an
// `anyOf` or `oneOf` appears (component properties, array items, maps, request and response
// bodies), which `$ref` alternatives came or went. It reads JSON only, and knows
// nothing of generator/: the change report must find at least what this finds.

type Json = Record<string, unknown>;

export interface VariantChange {
  schema?: string;
  operation?: string;
  /** As the report writes it: `tools[]`, `body.source`, `[200].result`. */
  member: string;
  variant: string;
  change: "added" | "removed";
}

interface Alternative {
  /** The component name of a `$ref` alternative; undefined for an inline one. */
  ref?: string;
}

interface Site {
  schema?: string;
  operation?: string;
  member: string;
  alternatives: Alternative[];
}

const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const refName = (ref: unknown): string | undefined =>
  typeof ref === "string" && ref.startsWith("#/components/schemas/")
    ? ref.slice("#/components/schemas/".length).replace(/~1/g, "/").replace(/~0/g, "~")
    : undefined;
const join = (member: string, name: string): string => (member === "" ? name : name.startsWith("[") ? member + name : `${member}.${name}`);
const isNull = (schema: unknown): boolean => isJson(schema) && schema.type === "null";

/** Keys sorted, so that two spellings of one JSON value compare equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (isJson(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** The component an inline object copies word for word, if any: a `$ref` inlined is the same alternative. */
type Named = (inline: Json) => string | undefined;

/**
 * The alternatives of a union, nested `anyOf`/`oneOf` flattened. Beside each other, `anyOf` and
 * `oneOf` both apply: a value is one of the alternatives both name.
 */
function alternatives(union: Json, named: Named): Alternative[] {
  if (Array.isArray(union.anyOf) && Array.isArray(union.oneOf)) {
    const [any, one] = [listed({ ...union, oneOf: undefined }, named), listed({ ...union, anyOf: undefined }, named)];
    return one.filter((a) => a.ref === undefined || any.some((b) => b.ref === a.ref));
  }
  return listed(union, named);
}

function listed(union: Json, named: Named): Alternative[] {
  const list = (union.anyOf ?? union.oneOf) as unknown[];
  return list.flatMap((member): Alternative[] => {
    if (!isJson(member) || isNull(member)) return [];
    if (member.$ref === undefined && (Array.isArray(member.anyOf) || Array.isArray(member.oneOf))) return alternatives(member, named);
    const ref = member.$ref === undefined ? named(member) : refName(member.$ref);
    return [ref === undefined ? {} : { ref }];
  });
}

function walk(schema: unknown, site: Omit<Site, "alternatives">, into: Site[], named: Named, depth = 0): void {
  if (!isJson(schema) || schema.$ref !== undefined || depth > 40) return;
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) into.push({ ...site, alternatives: alternatives(schema, named) });
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) walk(part, site, into, named, depth + 1);
  if (isJson(schema.properties))
    for (const [name, property] of Object.entries(schema.properties))
      walk(property, { ...site, member: join(site.member, name) }, into, named, depth + 1);
  walk(schema.items, { ...site, member: join(site.member, "[]") }, into, named, depth + 1);
  walk(schema.additionalProperties, { ...site, member: join(site.member, "[key: string]") }, into, named, depth + 1);
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The JSON body schema of a request body or response, if it has one. */
const jsonSchema = (body: unknown): unknown => {
  const content = isJson(body) && isJson(body.content) ? body.content : {};
  const type = Object.keys(content).find((t) => /json/.test(t)) ?? Object.keys(content)[0];
  return type === undefined ? undefined : (content[type] as Json | undefined)?.schema;
};

const componentsOf = (spec: Json): Json => (isJson(spec.components) && isJson(spec.components.schemas) ? spec.components.schemas : {});

/** Inline objects named by the component, of either side, that they copy (an object moved into a component, a `$ref` inlined). */
function namer(older: Json, newer: Json): Named {
  const copies = new Map(
    [older, newer].flatMap((spec) => Object.entries(componentsOf(spec)).map(([name, schema]) => [canonical(schema), name] as const)),
  );
  // Objects only: a bare `{type: string}` equal to some alias component is no variant of it.
  return (inline) => (isJson(inline.properties) ? copies.get(canonical(inline)) : undefined);
}

function sites(spec: Json, named: Named): Map<string, Site> {
  const found: Site[] = [];
  const schemas = componentsOf(spec);
  for (const [name, schema] of Object.entries(schemas)) walk(schema, { schema: name, member: "" }, found, named);
  for (const [path, item] of Object.entries(isJson(spec.paths) ? spec.paths : {})) {
    for (const method of METHODS) {
      const operation = isJson(item) ? item[method] : undefined;
      if (!isJson(operation)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      walk(jsonSchema(operation.requestBody), { operation: key, member: "body" }, found, named);
      for (const [status, response] of Object.entries(isJson(operation.responses) ? operation.responses : {}))
        walk(jsonSchema(response), { operation: key, member: `[${status}]` }, found, named);
    }
  }
  return new Map(found.map((s) => [JSON.stringify([s.schema, s.operation, s.member]), s]));
}

/**
 * Alternatives are the same on both sides when they name the same component, or copy it inline.
 * Every place with an `anyOf` or `oneOf` counts, a nullable reference (`anyOf: [X, null]`) too.
 */
export function unionVariantChanges(older: Json, newer: Json): VariantChange[] {
  const named = namer(older, newer);
  const before = sites(older, named);
  const changes: VariantChange[] = [];
  for (const [key, after] of sites(newer, named)) {
    const was = before.get(key);
    if (!was) continue;
    const names = (list: Alternative[]) => new Set(list.flatMap((a) => (a.ref === undefined ? [] : [a.ref])));
    const [old, now] = [names(was.alternatives), names(after.alternatives)];
    const where = { ...(after.schema !== undefined ? { schema: after.schema } : { operation: after.operation! }), member: after.member };
    for (const variant of now) if (!old.has(variant)) changes.push({ ...where, variant, change: "added" });
    for (const variant of old) if (!now.has(variant)) changes.push({ ...where, variant, change: "removed" });
  }
  return changes;
}
