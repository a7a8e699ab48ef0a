import { createHash } from "node:crypto";
import type { RenderedFile } from "../files.js";

/**
 * What the last run wrote, offered back: the file at `path` as it is in the output folder, when
 * that run rendered it from a view with this digest and the file is untouched since
 * (write/fingerprint.ts checks both); undefined otherwise.
 */
export type Reuse = (path: string, view: string) => string | undefined;

export const renderAll: Reuse = () => undefined;

/**
 * A file rendered from `view` by a template or the printer. The view is plain data (print trees,
 * strings, flags) and the text a function of it and of the generator (its code and templates,
 * which the fingerprint's generator key covers), so a file whose view digests as it did in the
 * last run is the file that run wrote, byte for byte, and is taken as it is instead of rendered
 * again. After an edit of one schema, most files are such files.
 */
export function renderFile<V extends object>(path: string, render: (view: V) => string, view: V, reuse: Reuse): RenderedFile {
  const digest = viewDigest(view);
  return { path, content: reuse(path, digest) ?? render(view), view: digest };
}

/**
 * The digest of the view's JSON, fed to the hash a piece at a time: the members of objects and
 * arrays down to `depth` levels, and below that each value's JSON whole. The same view gives the
 * same digest, and no JSON text of a whole large view is ever held at once (a client of 22,000
 * operations would need hundreds of MiB for it). Brackets and separators keep the pieces apart.
 */
function viewDigest(view: object): string {
  const hash = createHash("sha256");
  const feed = (value: unknown, depth: number): void => {
    if (depth === 0 || value === null || typeof value !== "object") {
      hash.update(JSON.stringify(value) ?? "undefined");
    } else if (Array.isArray(value)) {
      hash.update("[");
      for (const item of value) (feed(item, depth - 1), hash.update(","));
      hash.update("]");
    } else {
      hash.update("{");
      for (const [key, item] of Object.entries(value))
        if (item !== undefined) (hash.update(JSON.stringify(key)).update(":"), feed(item, depth - 1), hash.update(","));
      hash.update("}");
    }
  };
  feed(view, 4);
  return hash.digest("hex");
}
