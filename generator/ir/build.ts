import type { DiagnosticInput } from "../diagnostics.js";
import { joinPointer } from "../load/pointer.js";
import { isRecord, type BuildContext } from "./context.js";
import { applyDiscriminatorPins } from "./discriminator-pins.js";
import { docOf } from "./doc.js";
import type { Api, NamedSchema, Server } from "./model.js";
import { convertOperations } from "./operations.js";
import { convertSchema } from "./schema.js";

/** A validated OpenAPI 3.0 or 3.1 document to the IR. Problems local to one schema are reported and typed as unknown. */
export function buildIr(document: Record<string, unknown>, report: (d: DiagnosticInput) => void): Api {
  const ctx: BuildContext = { root: document, report, schemas: [], discriminatorPins: [], expanding: new Set() };
  const components = isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
  for (const [name, raw] of Object.entries(components)) {
    const id = joinPointer("/components/schemas", name);
    // Pushed before converting so the component precedes the variants hoisted out of it.
    const schema: NamedSchema = { id, nameHint: [name], origin: "component", type: { kind: "unknown" }, doc: isRecord(raw) ? docOf(raw, name) : {} };
    ctx.schemas.push(schema);
    schema.type = convertSchema(ctx, raw, id, [name]);
  }
  const operations = convertOperations(ctx, document.paths);
  applyDiscriminatorPins(ctx);
  const info = isRecord(document.info) ? document.info : {};
  return {
    title: typeof info.title === "string" ? info.title : "API",
    version: typeof info.version === "string" ? info.version : "",
    servers: convertServers(document.servers),
    schemas: ctx.schemas,
    operations,
  };
}

function convertServers(raw: unknown): Server[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).flatMap((s) => {
    if (typeof s.url !== "string") return [];
    const server: Server = { url: s.url };
    if (typeof s.description === "string") server.description = s.description;
    return [server];
  });
}
