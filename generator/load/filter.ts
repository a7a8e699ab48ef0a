import { isMethod } from "../openapi.js";
import type { Filters, Selection } from "../public.js";
import { isRecord } from "../records.js";
import { resolvePointer, splitPointer } from "./pointer.js";
import { localRef, mappingTarget } from "./refs.js";
import { kindAt, walk, walkDocument, type Visit } from "./walk.js";

export type { Filters, Selection } from "../public.js";

export const hasFilters = (filters: Filters | undefined): filters is Filters =>
  filters !== undefined && [filters.include, filters.exclude].some((s) => s && Object.values(s).some((list) => list && list.length > 0));

/** A glob as a regular expression: `**` any characters, `*` any but `/`, everything else literal (`{id}` too). */
export function globPattern(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** Whether an operation matches a selection. */
function matches(selection: Selection, path: string, method: string, operation: Record<string, unknown>): boolean {
  const test = (globs: string[] | undefined, values: string[]): boolean =>
    (globs ?? []).some((glob) => values.some((value) => globPattern(glob).test(value)));
  const tags = (Array.isArray(operation.tags) ? operation.tags : []).filter((t): t is string => typeof t === "string");
  const group = operation["x-fern-sdk-group-name"];
  const groups = typeof group === "string" ? [group] : Array.isArray(group) ? [group.filter((g) => typeof g === "string").join(".")] : [];
  const ids = typeof operation.operationId === "string" ? [operation.operationId] : [];
  return (
    test(selection.tags, [...tags, ...tags.map((t) => t.replace(/^subpackage_/, "")), ...groups]) ||
    test(selection.paths, [path]) ||
    test(selection.operations, [...ids, `${method.toUpperCase()} ${path}`])
  );
}

/**
 * The document with only the operations the filters keep and, unless asked otherwise, only the
 * components those operations reach (through `$ref`s, discriminator mappings, and children that
 * extend a reached discriminator parent with `allOf`). A new object: the input is not changed, and
 * pointers into what is kept stay the same, so diagnostics still point into the input.
 */
export function filterDocument(document: Record<string, unknown>, filters: Filters): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(isRecord(document.paths) ? document.paths : {})) {
    if (!isRecord(item)) continue;
    const kept = Object.entries(item).filter(([key, operation]) => {
      if (!isMethod(key) || !isRecord(operation)) return true;
      if (filters.include && hasFilters({ include: filters.include }) && !matches(filters.include, path, key, operation)) return false;
      return !(filters.exclude && matches(filters.exclude, path, key, operation));
    });
    if (kept.some(([key]) => isMethod(key))) paths[path] = Object.fromEntries(kept);
  }
  const filtered: Record<string, unknown> = { ...document, paths };
  if (filters.keepUnusedSchemas || !isRecord(document.components)) return filtered;
  const reached = reachedComponents(filtered);
  const components: Record<string, unknown> = {};
  for (const [kind, table] of Object.entries(document.components)) {
    // Security schemes are named by requirements, not by `$ref`: all stay.
    components[kind] =
      !isRecord(table) || kind === "securitySchemes"
        ? table
        : Object.fromEntries(Object.entries(table).filter(([name]) => reached.has(`${kind}/${name}`)));
  }
  filtered.components = components;
  return filtered;
}

/** `<kind>/<name>` of every component that the document outside `components` reaches. */
function reachedComponents(document: Record<string, unknown>): Set<string> {
  const reached = new Set<string>();
  const seen = new Set<object>();
  const pending: string[] = [];
  const reach = (pointer: string | undefined): void => {
    if (pointer === undefined) return;
    const [first, kind, name] = splitPointer(pointer);
    if (first === "components" && kind !== undefined && name !== undefined) {
      if (reached.has(`${kind}/${name}`)) return;
      reached.add(`${kind}/${name}`);
    }
    pending.push(pointer);
  };
  const visit = ({ node, kind }: Visit): "skip" | undefined => {
    if (kind === "components") return "skip";
    if (typeof node.$ref === "string") reach(localRef(node));
    if (kind === "discriminator" && isRecord(node.mapping)) {
      for (const target of Object.values(node.mapping)) if (typeof target === "string") reach(mappingTarget(target));
    }
    return undefined;
  };
  walkDocument(document, visit, seen);
  const schemas = isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
  for (;;) {
    while (pending.length > 0) {
      const pointer = pending.pop()!;
      const node = resolvePointer(document, pointer);
      const kind = kindAt(pointer);
      if (isRecord(node) && kind !== undefined) walk({ node, pointer, kind }, visit, seen);
    }
    // A schema that extends a reached discriminator parent is one of the parent's variants.
    const children = Object.entries(schemas).filter(
      ([name, schema]) =>
        !reached.has(`schemas/${name}`) &&
        isRecord(schema) &&
        Array.isArray(schema.allOf) &&
        schema.allOf.some((part) => {
          const target = splitPointer(localRef(part) ?? "");
          const parent = target[0] === "components" && target[1] === "schemas" ? schemas[target[2] ?? ""] : undefined;
          return reached.has(`schemas/${target[2]}`) && isRecord(parent) && isRecord(parent.discriminator);
        }),
    );
    if (children.length === 0) return reached;
    for (const [name] of children) reach(`/components/schemas/${name}`);
  }
}
