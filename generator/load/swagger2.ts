import { createRequire } from "node:module";
import type { Diagnostic } from "../diagnostics.js";
import { isRecord } from "../records.js";
import { joinPointer, resolvePointer, splitPointer } from "./pointer.js";
import type { SpecSource } from "./source.js";

interface Converter {
  convertObj(swagger: unknown, options: Record<string, unknown>): Promise<unknown>;
}

/** A Swagger 2.0 document (`swagger: "2.0"`; YAML reads an unquoted `2.0` as the number 2). */
export const isSwagger2 = (document: unknown): document is Record<string, unknown> =>
  isRecord(document) && (document.swagger === "2.0" || document.swagger === 2);

/**
 * Swagger 2.0 to OpenAPI 3.0 with swagger2openapi (the converter of the oas-kit project, which
 * Redoc and APIs.guru use), so the later stages only ever see OpenAPI 3. Diagnostics about the
 * converted document point back into the 2.0 file: the converter moves parts to known places
 * (`definitions` to `components/schemas`, body parameters to `requestBody`, response schemas under
 * `content`), and what cannot be mapped points at the nearest part of the 2.0 document that exists.
 */
export async function convertSwagger2(source: SpecSource, diagnostics: Diagnostic[]): Promise<SpecSource | undefined> {
  const original = source.document as Record<string, unknown>;
  const converter = createRequire(import.meta.url)("swagger2openapi") as Converter;
  let converted: unknown;
  try {
    // `patch` repairs small defects the way the converter documents; references to other files
    // stay as they are, for the bundler (resolve: false never touches the network).
    converted = await converter.convertObj(
      { ...structuredClone(original), swagger: "2.0" },
      { patch: true, warnOnly: true, resolve: false, direct: true, text: source.text },
    );
  } catch (error) {
    diagnostics.push({
      code: "E_SWAGGER_CONVERSION",
      severity: "error",
      message: `Swagger 2.0 could not be converted to OpenAPI 3: ${error instanceof Error ? error.message : String(error)}`,
      hint: "Fix the Swagger 2.0 document where the message says, or convert it to OpenAPI 3 yourself.",
      file: source.file,
      pointer: "",
    });
    return undefined;
  }
  const result: SpecSource = {
    file: source.file,
    text: source.text,
    document: converted,
    locate(pointer) {
      const inner = swaggerPointer(original, pointer);
      const at = source.locate(inner);
      return at && { ...at, pointer: at.pointer ?? inner };
    },
  };
  if (source.label !== undefined) result.label = source.label;
  return result;
}

/** Where the converter puts each 2.0 component kind. */
const COMPONENTS: Record<string, string> = {
  schemas: "definitions",
  parameters: "parameters",
  requestBodies: "parameters",
  responses: "responses",
  securitySchemes: "securityDefinitions",
};

/** The pointer into the 2.0 document of what the converter put at `pointer` of the 3.0 one. */
export function swaggerPointer(original: Record<string, unknown>, pointer: string): string {
  const s = splitPointer(pointer);
  let mapped: string[] = s;
  if (s[0] === "components" && s[1] !== undefined && COMPONENTS[s[1]] !== undefined) {
    mapped = [COMPONENTS[s[1]]!, ...s.slice(2)];
    if (s[1] === "requestBodies") mapped = [...mapped.slice(0, 2), ...withoutContent(s.slice(3))];
    if (s[1] === "responses") mapped = [...mapped.slice(0, 2), ...withoutContent(s.slice(3))];
  } else if (s[0] === "servers") {
    mapped = ["host"];
  } else if (s[0] === "paths" && s.length >= 3) {
    mapped = operationPointer(original, s);
  }
  // The deepest part of the mapped pointer that the 2.0 document has.
  for (let n = mapped.length; n > 0; n--) {
    if (resolvePointer(original, joinPointer("", ...mapped.slice(0, n))) !== undefined) return joinPointer("", ...mapped.slice(0, n));
  }
  return "";
}

/** `content/<media type>/schema/...` -> `schema/...`: 2.0 has one schema per body or response. */
const withoutContent = (rest: string[]): string[] => (rest[0] === "content" && rest[2] === "schema" ? rest.slice(2) : rest);

/** A pointer inside an operation or path item: request bodies and parameters were 2.0 parameters. */
function operationPointer(original: Record<string, unknown>, s: string[]): string[] {
  const [, path, method, part, ...rest] = s;
  const parameters = (at: string[]): unknown[] => {
    const list = resolvePointer(original, joinPointer("", ...at, "parameters"));
    return Array.isArray(list) ? list : [];
  };
  const item = ["paths", path!];
  if (method === "parameters" || part === undefined) return s;
  const operation = [...item, method!];
  const own = parameters(operation);
  const all = [...own.map((p, i) => ({ p, at: [...operation, "parameters", String(i)] }))];
  const find = (test: (p: Record<string, unknown>) => boolean): string[] | undefined => all.find(({ p }) => isRecord(p) && test(p))?.at;
  if (part === "requestBody") {
    const body = withoutContent(rest);
    // A form field is a formData parameter of its name; a JSON body is the body parameter.
    if (body[0] === "schema" && body[1] === "properties" && body[2] !== undefined) {
      const field = find((p) => p.in === "formData" && p.name === body[2]);
      if (field) return [...field, ...body.slice(3)];
    }
    const bodyParameter = find((p) => p.in === "body");
    return bodyParameter ? [...bodyParameter, ...body] : operation;
  }
  if (part === "responses" && rest[0] !== undefined) return [...operation, "responses", rest[0], ...withoutContent(rest.slice(1))];
  if (part === "parameters" && rest[0] !== undefined) {
    // Body and form parameters left the list, so indexes shift: the same name and location is the same parameter.
    const converted = rest.slice(1);
    const index = Number(rest[0]);
    const kept = own.filter((p) => !(isRecord(p) && (p.in === "body" || p.in === "formData")));
    const target = kept[index];
    const at = all.find(({ p }) => p === target)?.at;
    // A 2.0 parameter holds its type itself, where 3.0 has `schema`.
    return at ? [...at, ...(converted[0] === "schema" ? converted.slice(1) : converted)] : operation;
  }
  return s;
}
