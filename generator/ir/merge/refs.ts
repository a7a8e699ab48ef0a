import { joinPointer, refToPointer, splitPointer } from "../../load/pointer.js";
import { walkDocument } from "../../load/walk.js";
import { isRecord } from "../../records.js";

/** New names of one document's components: `<kind>\0<old name>` -> new name. */
export type Renames = Map<string, string>;

export const renameKey = (kind: string, name: string): string => `${kind}\0${name}`;

/** A local `$ref` to a component, percent-encoded as a URI fragment. */
export const componentRef = (kind: string, name: string, rest: string[] = []): string =>
  `#${joinPointer("/components", kind, name, ...rest)
    .split("/")
    .map((s) => encodeURIComponent(s).replace(/%7E/gi, "~"))
    .join("/")}`;

/**
 * Points every local reference to a renamed component at its new name, in place: `$ref`s,
 * discriminator mappings (a ref or a bare schema name, §4.8.25) and the keys of Security
 * Requirement objects, which name security schemes.
 */
export function applyRenames(document: Record<string, unknown>, renames: Renames): void {
  if (renames.size === 0) return;
  const renamed = (ref: string): string | undefined => {
    const segments = splitPointer(refToPointer(ref) ?? "");
    if (segments[0] !== "components" || segments.length < 3) return undefined;
    const to = renames.get(renameKey(segments[1]!, segments[2]!));
    return to === undefined ? undefined : componentRef(segments[1]!, to, segments.slice(3));
  };
  const securityRenames = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    list.forEach((requirement, i) => {
      if (!isRecord(requirement)) return;
      list[i] = Object.fromEntries(
        Object.entries(requirement).map(([name, scopes]) => [renames.get(renameKey("securitySchemes", name)) ?? name, scopes]),
      );
    });
  };
  securityRenames(document.security);
  walkDocument(document, ({ node, kind }) => {
    if (typeof node.$ref === "string") node.$ref = renamed(node.$ref) ?? node.$ref;
    if (kind === "discriminator" && isRecord(node.mapping)) {
      for (const [value, target] of Object.entries(node.mapping)) {
        if (typeof target !== "string") continue;
        const bare = target.startsWith("#") ? undefined : renames.get(renameKey("schemas", target));
        node.mapping[value] = bare ?? renamed(target) ?? target;
      }
    }
    // Operations hold Security Requirements; so does the root, done above.
    if (kind === "operation") securityRenames(node.security);
  });
}
