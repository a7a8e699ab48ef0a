import type { Doc } from "./model.js";
import type { RawSchema } from "./context.js";

/** The documentation keywords of a schema or parameter; `default` and `example` are kept as JSON. */
export function docOf(raw: RawSchema, nameHint?: string): Doc {
  const doc: Doc = {};
  if (typeof raw.title === "string" && raw.title !== nameHint) doc.title = raw.title;
  if (typeof raw.description === "string" && raw.description !== "") doc.description = raw.description;
  if (raw.deprecated === true) doc.deprecated = true;
  if (raw.default !== undefined) doc.default = JSON.stringify(raw.default);
  if (raw.example !== undefined) doc.example = JSON.stringify(raw.example);
  return doc;
}
