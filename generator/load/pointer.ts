/** RFC 6901 JSON pointers, and the `#/...` fragments that `$ref` uses (RFC 3986 percent-escapes). */

export const escapeSegment = (segment: string): string =>
  segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;

export const unescapeSegment = (segment: string): string => segment.replace(/~1/g, "/").replace(/~0/g, "~");

export const joinPointer = (base: string, ...segments: (string | number)[]): string =>
  base + segments.map((s) => "/" + escapeSegment(String(s))).join("");

export const splitPointer = (pointer: string): string[] => (pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeSegment));

/** `#/components/schemas/A%20B` -> `/components/schemas/A B`; undefined for non-local refs. */
export function refToPointer(ref: string): string | undefined {
  if (!ref.startsWith("#")) return undefined;
  const fragment = ref.slice(1);
  if (fragment !== "" && !fragment.startsWith("/")) return undefined;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** The value at `pointer`, or undefined. Only own properties count, so `__proto__` is plain data. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (node !== null && typeof node === "object" && hasOwn(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return node;
}
