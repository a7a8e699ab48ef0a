import { METHODS } from "../openapi.js";
import { isRecord } from "../records.js";
import { joinPointer, splitPointer } from "./pointer.js";

/**
 * What a node of the raw document is, by the OpenAPI 3.0/3.1 grammar. It says where a `$ref` is a
 * reference and where it is data: example values, `x-*` extensions, `enum`, `const` and
 * `default` are never walked, so a `$ref` inside them is only text.
 */
export type NodeKind =
  | "document"
  | "components"
  | "pathItem"
  | "operation"
  | "parameter"
  | "requestBody"
  | "mediaType"
  | "encoding"
  | "response"
  | "header"
  | "example"
  | "link"
  | "callback"
  | "securityScheme"
  | "schema"
  | "discriminator";

/**
 * How a key holds its children: one node, a map of names to nodes (every key a name), a map that
 * also takes `x-*` extensions (Paths, Responses, Callback objects), or a list. `one|list` is the
 * Schema Object's `items`, a list in 3.0-style tuples.
 */
type Shape = "one" | "names" | "extensible" | "list" | "one|list";
type Grammar = Partial<Record<string, readonly [NodeKind, Shape]>>;

const OPERATIONS: Grammar = Object.fromEntries(METHODS.map((m) => [m, ["operation", "one"] as const]));
const SCHEMA = ["schema", "one"] as const;
const SCHEMAS = ["schema", "names"] as const;
const SCHEMA_LIST = ["schema", "list"] as const;
const CONTENT = ["mediaType", "names"] as const;
const EXAMPLES = ["example", "names"] as const;
const HEADERS = ["header", "names"] as const;

/** The keys of each kind that hold other nodes; any other key is a scalar or data. */
const GRAMMAR: Record<NodeKind, Grammar> = {
  document: { paths: ["pathItem", "extensible"], webhooks: ["pathItem", "names"], components: ["components", "one"] },
  components: {
    schemas: SCHEMAS,
    responses: ["response", "names"],
    parameters: ["parameter", "names"],
    examples: EXAMPLES,
    requestBodies: ["requestBody", "names"],
    headers: HEADERS,
    securitySchemes: ["securityScheme", "names"],
    links: ["link", "names"],
    callbacks: ["callback", "names"],
    pathItems: ["pathItem", "names"],
  },
  pathItem: { ...OPERATIONS, parameters: ["parameter", "list"] },
  operation: {
    parameters: ["parameter", "list"],
    requestBody: ["requestBody", "one"],
    responses: ["response", "extensible"],
    callbacks: ["callback", "names"],
  },
  parameter: { schema: SCHEMA, content: CONTENT, examples: EXAMPLES },
  header: { schema: SCHEMA, content: CONTENT, examples: EXAMPLES },
  requestBody: { content: CONTENT },
  mediaType: { schema: SCHEMA, examples: EXAMPLES, encoding: ["encoding", "names"] },
  encoding: { headers: HEADERS },
  response: { headers: HEADERS, content: CONTENT, links: ["link", "names"] },
  // An Example's `value` and a Link's `parameters` and `requestBody` are data.
  example: {},
  link: {},
  securityScheme: {},
  // A Callback Object is a map of runtime expressions to Path Items; see children().
  callback: {},
  schema: {
    properties: SCHEMAS,
    patternProperties: SCHEMAS,
    $defs: SCHEMAS,
    definitions: SCHEMAS,
    dependentSchemas: SCHEMAS,
    items: ["schema", "one|list"],
    additionalItems: SCHEMA,
    additionalProperties: SCHEMA,
    unevaluatedItems: SCHEMA,
    unevaluatedProperties: SCHEMA,
    not: SCHEMA,
    if: SCHEMA,
    then: SCHEMA,
    else: SCHEMA,
    contains: SCHEMA,
    propertyNames: SCHEMA,
    contentSchema: SCHEMA,
    allOf: SCHEMA_LIST,
    oneOf: SCHEMA_LIST,
    anyOf: SCHEMA_LIST,
    prefixItems: SCHEMA_LIST,
    discriminator: ["discriminator", "one"],
  },
  discriminator: {},
};

/** A node of the document, with where it is and what it is. */
export interface Visit {
  node: Record<string, unknown>;
  pointer: string;
  kind: NodeKind;
}

/** The nodes directly below `at`, by the grammar of its kind, in document order. */
function children({ node, pointer, kind }: Visit): Visit[] {
  // A Reference Object stands for its target, which is walked where it is. In 3.1 a schema's
  // `$ref` has sibling keywords, which still apply.
  if (typeof node.$ref === "string" && kind !== "schema") return [];
  const found: Visit[] = [];
  const add = (value: unknown, at: string, childKind: NodeKind): void => {
    if (isRecord(value)) found.push({ node: value, pointer: at, kind: childKind });
  };
  if (kind === "callback") {
    for (const [expression, item] of Object.entries(node))
      if (!expression.startsWith("x-")) add(item, joinPointer(pointer, expression), "pathItem");
    return found;
  }
  const grammar = GRAMMAR[kind];
  for (const [key, value] of Object.entries(node)) {
    const rule = Object.hasOwn(grammar, key) ? grammar[key] : undefined;
    if (rule === undefined) continue;
    const [childKind, shape] = rule;
    const at = joinPointer(pointer, key);
    if (Array.isArray(value) && (shape === "list" || shape === "one|list"))
      value.forEach((item, i) => add(item, joinPointer(at, i), childKind));
    else if (shape === "one" || shape === "one|list") add(value, at, childKind);
    else if ((shape === "names" || shape === "extensible") && isRecord(value)) {
      for (const [name, item] of Object.entries(value))
        if (shape === "names" || !name.startsWith("x-")) add(item, joinPointer(at, name), childKind);
    }
  }
  return found;
}

/**
 * The one walk over a raw document: calls `visit` for every node the grammar reaches from
 * `start`, parents before children, in document order. The walk is iterative, so a deeply nested
 * document cannot overflow the stack, and it stops at nodes already seen (YAML anchors).
 * `visit` may return "skip" to leave the node's children out (the bundler walks a node it
 * rewrote again, from the file it came from). Walks that share `seen` visit each node once.
 */
export function walk(start: Visit, visit: (at: Visit) => void | "skip", seen: Set<object> = new Set()): void {
  const stack: Visit[] = [start];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (seen.has(at.node)) continue;
    seen.add(at.node);
    if (visit(at) === "skip") continue;
    const next = children(at);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
}

/** Walks a whole document from its root. */
export const walkDocument = (document: Record<string, unknown>, visit: (at: Visit) => void | "skip", seen?: Set<object>): void =>
  walk({ node: document, pointer: "", kind: "document" }, visit, seen);

/**
 * The kind of the node at `pointer` in a document, by the grammar alone (`/paths/~1pets/get` is
 * an operation, `/components/schemas/Pet/properties/id` a schema); undefined for a place that
 * holds no node of the grammar (an example, an extension, `info`).
 */
export function kindAt(pointer: string): NodeKind | undefined {
  const segments = splitPointer(pointer);
  let kind: NodeKind = "document";
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    if (kind === "callback") {
      kind = "pathItem";
      continue;
    }
    const grammar: Grammar = GRAMMAR[kind];
    const rule: readonly [NodeKind, Shape] | undefined = Object.hasOwn(grammar, key) ? grammar[key] : undefined;
    if (rule === undefined) return undefined;
    const [childKind, shape] = rule;
    // Maps and lists take one more segment (a name, an index); `items` does when it is a list.
    if (shape !== "one" && (shape !== "one|list" || /^\d+$/.test(segments[i + 1] ?? ""))) i++;
    if (i >= segments.length) return undefined;
    kind = childKind;
  }
  return kind;
}
