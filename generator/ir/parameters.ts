import { joinPointer } from "../load/pointer.js";
import { type BuildContext, type RawSchema } from "./context.js";
import { isRecord } from "../records.js";
import { deref, wireShape } from "./deref.js";
import { docOf } from "./doc.js";
import type { Parameter, ParameterLocation, ParameterStyle } from "./model.js";
import { isJsonMediaType } from "./media-types.js";
import { convertSchema } from "./schema.js";

const LOCATIONS: readonly string[] = ["path", "query", "header", "cookie"];
const STYLES: readonly string[] = ["form", "simple", "label", "matrix", "spaceDelimited", "pipeDelimited", "deepObject"];

/** `style` and `explode` with the defaults of §4.8.12.4: form for query and cookie, simple otherwise; explode only for form. */
export function styleOf(raw: RawSchema, location: string): { style: ParameterStyle; explode: boolean } {
  const style = (
    typeof raw.style === "string" && STYLES.includes(raw.style)
      ? raw.style
      : location === "query" || location === "cookie"
        ? "form"
        : "simple"
  ) as ParameterStyle;
  return { style, explode: typeof raw.explode === "boolean" ? raw.explode : style === "form" };
}

/** Path-level parameters apply unless the operation redefines the same name and location (§4.8.9). */
export function convertParameters(ctx: BuildContext, item: RawSchema, raw: RawSchema, pointer: string, hint: string[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  const collect = (list: unknown, at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const p = deref(ctx, entry);
      const where = joinPointer(at, index);
      if (!isRecord(p) || typeof p.name !== "string" || typeof p.in !== "string" || !LOCATIONS.includes(p.in)) return;
      // A parameter with `content` (§4.8.12.2) is sent as that media type: JSON text for JSON, else the value as text.
      const [mediaType, media] = isRecord(p.content) ? (Object.entries(p.content).find(([, m]) => isRecord(m)) ?? []) : [];
      const schema = p.schema ?? (isRecord(media) ? media.schema : undefined);
      // Without `content`, the schema (or its absence: any value) decides.
      const shape = mediaType === undefined ? wireShape(ctx, schema) : isJsonMediaType(mediaType) ? "json" : "scalar";
      byKey.set(`${p.in} ${p.name}`, {
        name: p.name,
        in: p.in as ParameterLocation,
        required: p.in === "path" || p.required === true,
        type: convertSchema(ctx, schema, joinPointer(where, "schema"), [...hint, p.name]),
        doc: docOf(p),
        pointer: where,
        ...styleOf(p, p.in),
        shape,
      });
    });
  };
  collect(item.parameters, pointer.slice(0, pointer.lastIndexOf("/")) + "/parameters");
  collect(raw.parameters, joinPointer(pointer, "parameters"));
  return [...byKey.values()];
}
