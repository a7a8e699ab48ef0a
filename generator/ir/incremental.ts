import type { DiagnosticInput } from "../diagnostics.js";
import { joinPointer } from "../load/pointer.js";
import { isRecord } from "../records.js";
import type { BuildContext } from "./context.js";
import { guardedSchemas } from "./guarded.js";
import { findInheritance } from "./inheritance.js";
import type { Api, NamedSchema, TypeNode } from "./model.js";
import { convertNamed } from "./named.js";
import { referencedSchemas } from "./references.js";
import { copiesRequired } from "./required.js";

/**
 * The watch mode's short way after an edit: when only component schemas changed, and changed in
 * ways that cannot reach beyond them, the IR of those schemas is built again and put in place of
 * the old, instead of building the whole document's. Anything the short way cannot be sure of
 * (a name, a guard, a discriminator, readOnly or an enum that could change elsewhere) gives
 * undefined, and the caller builds everything. test/watch.test.ts checks the result against a
 * full build, byte for byte, edit after edit.
 */

/** The names of the component schemas that differ between two documents, or undefined if anything else differs. */
export function changedSchemas(before: unknown, after: unknown): string[] | undefined {
  if (!isRecord(before) || !isRecord(after)) return undefined;
  const keys = Object.keys(after);
  if (!sameKeys(Object.keys(before), keys)) return undefined;
  for (const key of keys) if (key !== "components" && !deepEqual(before[key], after[key])) return undefined;
  const [oldComponents, newComponents] = [before.components, after.components];
  if (!isRecord(oldComponents) || !isRecord(newComponents) || !sameKeys(Object.keys(oldComponents), Object.keys(newComponents))) {
    return deepEqual(oldComponents, newComponents) ? [] : undefined;
  }
  for (const kind of Object.keys(newComponents))
    if (kind !== "schemas" && !deepEqual(oldComponents[kind], newComponents[kind])) return undefined;
  const [oldSchemas, newSchemas] = [oldComponents.schemas, newComponents.schemas];
  if (!isRecord(oldSchemas) || !isRecord(newSchemas) || !sameKeys(Object.keys(oldSchemas), Object.keys(newSchemas))) return undefined;
  return Object.keys(newSchemas).filter((name) => !deepEqual(oldSchemas[name], newSchemas[name]));
}

const sameKeys = (a: string[], b: string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return sameKeys(keys, Object.keys(b)) && keys.every((k) => deepEqual(a[k], b[k]));
}

/** Keywords whose effect reaches past the schema that holds them: variants, the request and response twins. */
const FAR_REACHING = /"(discriminator|readOnly|writeOnly)"\s*:/;

/** The IR after an edit of `changed` component schemas, with which schemas were rebuilt; undefined when only a full build can tell. */
export function patchSchemas(
  api: Api,
  document: Record<string, unknown>,
  previousDocument: Record<string, unknown>,
  changed: string[],
  report: (d: DiagnosticInput) => void,
): { api: Api; rebuilt: NamedSchema[] } | undefined {
  // Inheritance, request twins and discriminator pins tie schemas together across the document.
  if (api.schemas.some((s) => s.id.includes("#"))) return undefined;
  const components = isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
  const previous =
    isRecord(previousDocument.components) && isRecord(previousDocument.components.schemas) ? previousDocument.components.schemas : {};
  if (findInheritance(components).size > 0) return undefined;
  // Properties copied in by a `required` list elsewhere (required.ts) would go stale.
  if (copiesRequired(components) || copiesRequired(previous)) return undefined;
  let schemas = api.schemas;
  const rebuilt: NamedSchema[] = [];
  const variants = new Set(
    api.schemas.flatMap((s) => (s.type.kind === "union" && s.type.discriminator ? s.type.discriminator.variants.map((v) => v.target) : [])),
  );
  for (const name of changed) {
    if ([components[name], previous[name]].some((raw) => FAR_REACHING.test(JSON.stringify(raw) ?? ""))) return undefined;
    const id = joinPointer("/components/schemas", name);
    const inside = (s: NamedSchema): boolean => s.id === id || s.id.startsWith(`${id}/`);
    const start = schemas.findIndex(inside);
    const count = schemas.slice(start).findIndex((s) => !inside(s));
    const end = count === -1 ? schemas.length : start + count;
    if (start === -1 || schemas.slice(end).some(inside) || schemas.slice(start, end).some((s) => variants.has(s.id))) return undefined;
    const ctx: BuildContext = {
      root: document,
      report,
      schemas: [],
      named: new Set(schemas.filter((s) => !inside(s)).map((s) => s.id)),
      discriminatorPins: [],
      requiredPins: [],
      deferred: [],
      depth: 0,
      parents: new Map(),
    };
    convertNamed(ctx, components[name], id, [name], "component");
    for (let next = ctx.deferred.shift(); next; next = ctx.deferred.shift()) next();
    const before = schemas.slice(start, end);
    // The same schemas under the same hints: every name stays as it was.
    const same =
      ctx.discriminatorPins.length === 0 &&
      ctx.schemas.length === before.length &&
      ctx.schemas.every(
        (s, i) =>
          s.id === before[i]!.id &&
          s.origin === before[i]!.origin &&
          s.nameHint.join("\0") === before[i]!.nameHint.join("\0") &&
          s.type.kind !== "ref" &&
          // An enum's value keys are names too.
          s.enumNames === undefined &&
          before[i]!.enumNames === undefined,
      );
    if (!same) return undefined;
    schemas = [...schemas.slice(0, start), ...ctx.schemas, ...schemas.slice(end)];
    rebuilt.push(...ctx.schemas);
  }
  const patched = { ...api, schemas };
  // Which schemas get guards decides names; a schema that gains or loses one needs a full build.
  const guarded = (a: Api): string =>
    guardedSchemas(a)
      .map((s) => s.id)
      .join("\0");
  if (guarded(patched) !== guarded(api)) return undefined;
  // A parameter's wire shape (scalar, array, object) was read from the schemas it refers to.
  const ids = new Set(rebuilt.map((s) => s.id));
  if (
    reachable(
      patched,
      api.operations.flatMap((o) => o.parameters.map((p) => p.type)),
    ).some((id) => ids.has(id))
  )
    return undefined;
  return { api: patched, rebuilt };
}

/** Every schema id that `types` refer to, directly or through other schemas. */
function reachable(api: Api, types: TypeNode[]): string[] {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const pending = types.flatMap((t) => referencedSchemas(t));
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const schema = byId.get(id);
    if (schema) pending.push(...referencedSchemas(schema.type));
  }
  return [...seen];
}
