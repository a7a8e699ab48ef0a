import { isAssumed, type TypeModel } from "./model.js";
import { memberPath, own, type Compare, type Site } from "./site.js";
import { membersOf } from "./structure.js";
import { pairMembers } from "./unions-diff.js";

/**
 * Another component where the older type named one: news, not a change of type (what it
 * names is compared on its own; the older component's fate is reported at the component).
 */
export function referenceChanged(x: TypeModel, y: TypeModel, site: Site, cx: Compare): void {
  if (x.kind === "ref" && y.kind === "ref" && x.schema !== y.schema && !isAssumed(cx.open, x, y))
    cx.emit("reference-changed", site, `${x.schema} is now ${y.schema}`);
}

/**
 * Two types TypeScript sees as the same may still name other components somewhere inside
 * (`$ref: A` -> `$ref: B` of the same shape): each such place is reported, and nothing else.
 */
export function referencesInside(x: TypeModel, y: TypeModel, site: Site, cx: Compare): void {
  if (x.kind === "ref" || y.kind === "ref") return referenceChanged(x, y, site, cx);
  if (x.kind === "union" || y.kind === "union") {
    const nonNull = (type: TypeModel) => membersOf(type).filter((m) => m.type.kind !== "null");
    for (const [a, b] of pairMembers(nonNull(x), nonNull(y), cx.models).equal) referencesInside(a.type, b.type, site, cx);
    return;
  }
  const at = (name: string): Site => ({ ...site, member: memberPath(site.member, name) });
  if (x.kind === "array" && y.kind === "array") referencesInside(x.items, y.items, at("[]"), cx);
  else if (x.kind === "tuple" && y.kind === "tuple") x.items.forEach((item, i) => referencesInside(item, y.items[i]!, at(`[${i}]`), cx));
  else if (x.kind === "intersection" && y.kind === "intersection")
    x.members.forEach((m, i) => referencesInside(m, y.members[i]!, site, cx));
  else if (x.kind === "object" && y.kind === "object") {
    for (const [name, p] of Object.entries(x.properties)) {
      const q = own(y.properties, name);
      if (q) referencesInside(p.type, q.type, at(name), cx);
    }
    if (x.additional && y.additional) referencesInside(x.additional, y.additional, at("[key: string]"), cx);
  }
}
