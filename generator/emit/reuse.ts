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
  const digest = createHash("sha256").update(JSON.stringify(view)).digest("hex");
  return { path, content: reuse(path, digest) ?? render(view), view: digest };
}
