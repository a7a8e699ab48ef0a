import { createHash } from "node:crypto";
import type { RenderedFile } from "../files.js";
import { isRecord } from "../records.js";

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
 * The digest of the view's JSON, fed to the hash a piece at a time: the view's members, and the
 * items of long lists (operations, statements, a client's groups) near the top, each item's JSON
 * whole. The same view gives the same digest, and no JSON text of a whole large view is ever held
 * at once (a client of 22,000 operations would need hundreds of MiB for it), in few enough pieces
 * that hashing them costs no more than writing the JSON. Brackets and separators keep them apart.
 */
function viewDigest(view: object): string {
  const hash = createHash("sha256");
  const long = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > LONG;
  const feed = (value: unknown, depth: number): void => {
    if (long(value) && depth < DEPTH) {
      hash.update("[");
      for (const item of value) (feed(item, depth + 1), hash.update(","));
      hash.update("]");
    } else if (isRecord(value) && depth < DEPTH && (depth === 0 || Object.values(value).some(long))) {
      hash.update("{");
      for (const [key, item] of Object.entries(value))
        if (item !== undefined) (hash.update(JSON.stringify(key)).update(":"), feed(item, depth + 1), hash.update(","));
      hash.update("}");
    } else {
      hash.update(JSON.stringify(value) ?? "undefined");
    }
  };
  feed(view, 0);
  return hash.digest("hex");
}

/** Lists longer than this are fed an item at a time, down to this depth. */
const LONG = 16;
const DEPTH = 4;
