import { joinPointer } from "../load/pointer.js";
import { follow, localRef, mappingTarget } from "../load/refs.js";
import { COMPONENT_SCHEMAS, isComponentSchemaPointer, isLiteral, type BuildContext, type RawSchema } from "./context.js";
import { isRecord } from "../records.js";
import { isGuardedUnion } from "./guarded.js";
import type { Discriminator, Literal, NameHint, ObjectNode, TypeNode } from "./model.js";
import { isRequiredOnly } from "./required.js";
import { convertNamed, hoistConverted } from "./named.js";
import { convertSchema, withNull } from "./schema.js";

const isNullSchema = (raw: unknown): boolean =>
  isRecord(raw) && raw.type === "null" && Object.keys(raw).every((k) => k === "type" || k === "description" || k === "title");

/**
 * `oneOf` / `anyOf`. Both become TypeScript unions: TypeScript cannot express "exactly one", and
 * for a client the difference only matters when validating, which the server does.
 * Object-shaped inline members are hoisted to named schemas so that every member has a name.
 */
export function convertUnion(
  ctx: BuildContext,
  raw: RawSchema,
  pointer: string,
  hint: NameHint,
  whole = true,
  context?: TypeNode,
): TypeNode {
  const keyword = Array.isArray(raw.oneOf) ? "oneOf" : "anyOf";
  const rawMembers = raw[keyword] as unknown[];
  const at = joinPointer(pointer, keyword);
  if (rawMembers.length === 0) {
    ctx.report({
      code: "W_UNION_EMPTY",
      severity: "warning",
      message: `An empty ${keyword} allows no value; it is typed as never.`,
      hint: `List the alternatives in ${keyword}, or remove the keyword.`,
      pointer: at,
    });
    return { kind: "never" };
  }
  const nullable = rawMembers.some(isNullSchema) || raw.nullable === true;
  const entries = rawMembers.map((member, index) => ({ member, index })).filter(({ member }) => !isNullSchema(member));
  let node: TypeNode;
  if (isRecord(raw.discriminator) && typeof raw.discriminator.propertyName === "string" && entries.length > 0) {
    node = convertDiscriminated(ctx, raw.discriminator as RawSchema & { propertyName: string }, entries, at, hint);
  } else {
    // `anyOf: [X, null]` keeps X inline as X | null. A union X is still hoisted for its guards:
    // under a named schema as `<Name>Union`, beside `<Name> = <Name>Union | null`.
    // A member that only lists `required` is the properties beside the union, those required (required.ts).
    const branch = (member: unknown): TypeNode | undefined => {
      if (context === undefined || !isRequiredOnly(member)) return undefined;
      const node: ObjectNode = { kind: "object", properties: [] };
      ctx.requiredPins.push({ node, names: member.required.filter((n) => typeof n === "string"), context: [context] });
      return node;
    };
    node =
      entries.length === 1
        ? (branch(entries[0]!.member) ??
          convertSchema(ctx, entries[0]!.member, joinPointer(at, entries[0]!.index), ctx.named.has(pointer) ? [...hint, "Union"] : hint))
        : {
            kind: "union",
            members: entries.map(
              ({ member, index }) => branch(member) ?? convertMember(ctx, member, joinPointer(at, index), [...hint, String(index)]),
            ),
          };
  }
  // Every union gets a name, so that it can have guards and a match helper. The schema being
  // converted names it when the union is all of it; otherwise (an inline union, a union beside
  // `properties`, or a nullable discriminated union, which match cannot take) it is hoisted, under
  // a named schema as `<Name>Union`.
  const insideNamed = ctx.named.has(pointer);
  const namedByParent = insideNamed && whole && !(nullable && node.kind === "union" && node.discriminator !== undefined);
  if (isGuardedUnion(node) && !namedByParent) {
    node = hoistConverted(ctx, { ...raw, [keyword]: undefined }, insideNamed ? at : pointer, insideNamed ? [...hint, "Union"] : hint, node);
  }
  return nullable ? withNull(node) : node;
}

/** Inline objects and records become named schemas; everything else stays inline. */
function convertMember(ctx: BuildContext, raw: unknown, pointer: string, hint: NameHint): TypeNode {
  const node = convertSchema(ctx, raw, pointer, hint);
  if (node.kind !== "object" || !isRecord(raw)) return node;
  return hoistConverted(ctx, raw, pointer, typeof raw.title === "string" && raw.title.trim() !== "" ? [raw.title] : hint, node);
}

/**
 * OpenAPI §4.8.25 Discriminator Object. Each member's value comes from the mapping, else from a
 * `const` or one-value `enum` on the member's property, else (for component refs) the schema name.
 * When a member's value cannot be found, the union is kept but loses its discriminator.
 */
function convertDiscriminated(
  ctx: BuildContext,
  discriminator: RawSchema & { propertyName: string },
  entries: { member: unknown; index: number }[],
  at: string,
  hint: NameHint,
): TypeNode {
  const property = discriminator.propertyName;
  const mapped = mappedValues(discriminator);
  const found = flattenNestedUnions(ctx, entries, at).map(({ member, pointer: memberPointer, index }) => {
    const ref = localRef(member);
    const resolved = follow(ctx.root, member);
    const component = ref !== undefined && isComponentSchemaPointer(ref) ? ref : undefined;
    let values = (ref !== undefined ? mapped.get(ref) : undefined) ?? declaredValues(resolved, property);
    if (values.length === 0 && component !== undefined) values = [component.slice(COMPONENT_SCHEMAS.length)];
    return { member, pointer: memberPointer, index, component, resolved, values };
  });
  const missing = found.filter((f) => f.values.length === 0);
  for (const f of missing) {
    ctx.report({
      code: "W_DISCRIMINATOR_VALUE",
      severity: "warning",
      message: `No value of the discriminator "${property}" can be found for this member; the union is not discriminated.`,
      hint: `Give the member's "${property}" property a const or a one-value enum, or add it to discriminator.mapping.`,
      pointer: f.pointer,
    });
  }
  if (missing.length > 0) {
    return { kind: "union", members: found.map((f) => convertMember(ctx, f.member, f.pointer, [...hint, String(f.index)])) };
  }
  const variants = found.flatMap((f): Discriminator["variants"] => {
    // A member that is an allOf parent (itself a union of its descendants, told apart by the same
    // property) stands for its variants, as they are mapped there.
    const parent = f.component === undefined ? undefined : ctx.parents.get(f.component);
    if (parent?.property === property) return parent.children;
    if (f.component !== undefined) return [{ target: f.component, values: f.values }];
    convertNamed(ctx, f.resolved, f.pointer, variantHint(isRecord(f.resolved) ? f.resolved : {}, hint, f.values[0]!), "inline");
    return [{ target: f.pointer, values: f.values }];
  });
  const result: Discriminator = { property, variants: [] };
  for (const { target, values } of variants) {
    const same = result.variants.find((v) => v.target === target);
    if (same) same.values = [...same.values, ...values.filter((v) => !same.values.includes(v))];
    else result.variants.push({ target, values: [...values] });
  }
  for (const { target, values } of result.variants) ctx.discriminatorPins.push({ target, property, values });
  return { kind: "union", members: result.variants.map(({ target }) => ({ kind: "ref", target })), discriminator: result };
}

/**
 * A member that is itself a union (`Shape: oneOf [Polygon, Circle]`, `Polygon: oneOf [Triangle,
 * Square]`) stands for its own members: a discriminator value belongs to a concrete variant, and
 * pinning one on a union would make it never.
 */
function flattenNestedUnions(
  ctx: BuildContext,
  entries: { member: unknown; index: number }[],
  at: string,
  seen: Set<string> = new Set(),
): { member: unknown; pointer: string; index: number }[] {
  return entries.flatMap(({ member, index }) => {
    const pointer = joinPointer(at, index);
    const ref = localRef(member);
    const resolved = follow(ctx.root, member);
    const base = ref ?? pointer;
    const keyword = isRecord(resolved)
      ? Array.isArray(resolved.oneOf)
        ? "oneOf"
        : Array.isArray(resolved.anyOf)
          ? "anyOf"
          : undefined
      : undefined;
    if (keyword === undefined || seen.has(base)) return [{ member, pointer, index }];
    const inner = ((resolved as RawSchema)[keyword] as unknown[])
      .map((m, i) => ({ member: m, index: i }))
      .filter(({ member: m }) => !isNullSchema(m));
    return flattenNestedUnions(ctx, inner, joinPointer(base, keyword), new Set(seen).add(base));
  });
}

/** Variant names: the title, else the "<Name> variant" description that Fern-style specs carry, else parent + value. */
function variantHint(raw: RawSchema, parent: NameHint, value: Literal): NameHint {
  if (typeof raw.title === "string" && raw.title !== "") return [raw.title];
  const described = typeof raw.description === "string" ? /^\s*([A-Za-z_][A-Za-z0-9_]*) variant\s*$/.exec(raw.description) : null;
  if (described) return [described[1]!];
  return [...parent, String(value)];
}

/** mapping: value -> "#/components/schemas/X" or a bare schema name. Several values may map to one schema. */
export function mappedValues(discriminator: RawSchema): Map<string, Literal[]> {
  const byTarget = new Map<string, Literal[]>();
  if (!isRecord(discriminator.mapping)) return byTarget;
  for (const [value, target] of Object.entries(discriminator.mapping)) {
    if (typeof target !== "string") continue;
    const pointer = mappingTarget(target);
    if (pointer === undefined) continue;
    byTarget.set(pointer, [...(byTarget.get(pointer) ?? []), value]);
  }
  return byTarget;
}

/** The value a member declares for the property: `const` or a one-value `enum`, also in inline allOf parts. */
export function declaredValues(raw: unknown, property: string): Literal[] {
  if (!isRecord(raw)) return [];
  const schema = isRecord(raw.properties) ? raw.properties[property] : undefined;
  if (isRecord(schema) && "const" in schema && isLiteral(schema.const)) return [schema.const];
  if (isRecord(schema) && Array.isArray(schema.enum) && schema.enum.length === 1 && isLiteral(schema.enum[0])) return [schema.enum[0]];
  for (const part of Array.isArray(raw.allOf) ? raw.allOf : []) {
    const values = isRecord(part) && part.$ref === undefined ? declaredValues(part, property) : [];
    if (values.length > 0) return values;
  }
  return [];
}
