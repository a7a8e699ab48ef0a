import type { Doc } from "./model.js";
import type { RawSchema } from "./context.js";

const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The documentation keywords of a schema or parameter; `default` and `example` are kept as JSON.
 * A title that only restates the name (`Dev Discount` for `dev_discount`, as FastAPI writes) is dropped.
 */
export function docOf(raw: RawSchema, name?: string): Doc {
  const doc: Doc = {};
  if (typeof raw.title === "string" && (name === undefined || squash(raw.title) !== squash(name))) doc.title = raw.title;
  if (typeof raw.description === "string" && raw.description !== "") doc.description = raw.description;
  if (raw.deprecated === true) doc.deprecated = true;
  if (raw.default !== undefined) doc.default = JSON.stringify(raw.default);
  if (raw.example !== undefined) doc.example = JSON.stringify(raw.example);
  return doc;
}
