import { joinPointer } from "../load/pointer.js";
import { localRef } from "../load/refs.js";
import { COMPONENT_SCHEMAS, type BuildContext } from "./context.js";
import { isRecord } from "../records.js";
import type { Literal, NamedSchema } from "./model.js";
import { convertNamed } from "./named.js";
import { declaredValues, mappedValues } from "./union.js";
import { docOf } from "./doc.js";

/** A component with a discriminator but no oneOf/anyOf, which children extend with `allOf: [Parent, ...]`. */
export interface InheritanceParent {
  /** The parent's own properties, which children's `allOf` refer to instead of the parent. */
  baseId: string;
  property: string;
  /**
   * The variants: the parent itself first (`<Parent>Self`) when its mapping names it, then its
   * descendants; a descendant that is a parent itself stands as its `<Parent>Self`.
   */
  children: { target: string; values: Literal[] }[];
  /** Whether `<Parent>Self` exists: the parent maps values to itself, or is a variant of another parent. */
  hasSelf: boolean;
}

const pointerOf = (name: string): string => joinPointer("/components/schemas", name);

/** The id of the variant that is the parent itself. */
const selfId = (id: string): string => `${id}#self`;

/**
 * OpenAPI §4.8.25.2 (allOf inheritance): the parent, used anywhere, means "one of my children",
 * told apart by the discriminator. Children are the mapping's targets and every component whose
 * allOf refers to the parent directly; a child without a mapping entry is known by its name.
 */
export function findInheritance(components: Record<string, unknown>): Map<string, InheritanceParent> {
  const parents = new Map<string, InheritanceParent>();
  const extenders = extendersByParent(components);
  for (const [name, raw] of Object.entries(components)) {
    if (!isRecord(raw) || !isRecord(raw.discriminator) || typeof raw.discriminator.propertyName !== "string") continue;
    if (raw.oneOf !== undefined || raw.anyOf !== undefined) continue;
    const id = pointerOf(name);
    const mapped = mappedValues(raw.discriminator);
    const targets = new Set(mapped.keys());
    // Descendants through chains of allOf (Lion extends Cat extends Animal) are variants too.
    const pending = [...(extenders.get(id) ?? [])];
    const seen = new Set([id]);
    while (pending.length > 0) {
      const child = pending.shift()!;
      if (seen.has(child)) continue;
      seen.add(child);
      targets.add(child);
      pending.push(...(extenders.get(child) ?? []));
    }
    targets.delete(id);
    // Values the mapping gives the parent itself: it is a concrete variant too (DigitalOcean's
    // droplet_action maps seven of its types to itself and `snapshot` to a child).
    const own = mapped.get(id) ?? [];
    const property = raw.discriminator.propertyName;
    const children = [...targets]
      .filter((target) => target.startsWith(COMPONENT_SCHEMAS) && components[target.slice(COMPONENT_SCHEMAS.length)] !== undefined)
      .map((target) => {
        const childName = target.slice(COMPONENT_SCHEMAS.length);
        const declared = declaredValues(components[childName], property);
        return { target, values: mapped.get(target) ?? (declared.length > 0 ? declared : [childName]) };
      });
    if (children.length === 0) continue;
    if (own.length > 0) children.unshift({ target: selfId(id), values: own });
    parents.set(id, { baseId: `${id}#base`, property, children, hasSelf: own.length > 0 });
  }
  // A descendant that is itself a parent (Bing's ImageAction, under Action, under Thing) would be
  // the union of its own descendants pinned to one value: never. Its descendants are variants
  // already; the value it carries belongs to an object of its own kind, `<Parent>Self`.
  for (const parent of parents.values()) {
    parent.children = parent.children.map((child) => {
      const inner = parents.get(child.target);
      if (inner?.property !== parent.property) return child;
      inner.hasSelf = true;
      return { target: selfId(child.target), values: child.values };
    });
  }
  return parents;
}

/** For each component, the components whose `allOf` refers to it directly, in document order. */
function extendersByParent(components: Record<string, unknown>): Map<string, string[]> {
  const extenders = new Map<string, string[]>();
  for (const [childName, child] of Object.entries(components)) {
    if (!isRecord(child) || !Array.isArray(child.allOf)) continue;
    for (const member of child.allOf) {
      const parent = localRef(member);
      if (parent !== undefined) extenders.set(parent, [...(extenders.get(parent) ?? []), pointerOf(childName)]);
    }
  }
  return extenders;
}

/** The parent becomes the discriminated union of its children; its own properties become `<Parent>Base`. */
export function convertParent(ctx: BuildContext, parent: InheritanceParent, raw: Record<string, unknown>, id: string, name: string): void {
  const schema: NamedSchema = {
    id,
    nameHint: [name],
    origin: "component",
    type: {
      kind: "union",
      members: parent.children.map((c) => ({ kind: "ref", target: c.target })),
      discriminator: { property: parent.property, variants: parent.children },
    },
    doc: docOf(raw, name),
  };
  ctx.named.add(id);
  ctx.schemas.push(schema);
  const { discriminator: _discriminator, ...own } = raw;
  convertNamed(ctx, own, parent.baseId, [name, "Base"], "inline");
  // The parent as a variant of its own: its properties, with the values it maps to itself (pinned below).
  if (parent.hasSelf)
    ctx.schemas.push({
      id: selfId(id),
      nameHint: [name, "Self"],
      origin: "inline",
      type: { kind: "ref", target: parent.baseId },
      doc: {},
    });
  for (const child of parent.children)
    ctx.discriminatorPins.push({ target: child.target, property: parent.property, values: child.values });
}
