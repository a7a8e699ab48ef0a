import type { DiagnosticInput } from "../diagnostics.js";
import { joinPointer } from "../load/pointer.js";
import { type BuildContext } from "./context.js";
import { isRecord } from "../records.js";
import { breakAliasCycles } from "./alias-cycles.js";
import { splitByDirection } from "./directions.js";
import { reportSharedValues } from "./discriminator-cases.js";
import { applyDiscriminatorPins } from "./discriminator-pins.js";
import { convertWebhooks } from "./incoming.js";
import type { Api, Incoming, Server } from "./model.js";
import { convertOperations } from "./operations.js";
import { convertParent, findInheritance } from "./inheritance.js";
import { convertNamed } from "./named.js";
import { applyRequiredPins } from "./required.js";

/** A validated OpenAPI 3.0 or 3.1 document to the IR. Problems local to one schema are reported and typed as unknown. */
export function buildIr(document: Record<string, unknown>, report: (d: DiagnosticInput) => void): Api {
  const components = isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
  const parents = findInheritance(components);
  const ctx: BuildContext = {
    root: document,
    report,
    schemas: [],
    named: new Set(),
    discriminatorPins: [],
    requiredPins: [],
    deferred: [],
    depth: 0,
    parents,
  };
  for (const [name, raw] of Object.entries(components)) {
    const id = joinPointer("/components/schemas", name);
    const parent = parents.get(id);
    if (parent && isRecord(raw)) convertParent(ctx, parent, raw, id, name);
    else convertNamed(ctx, raw, id, [name], "component");
  }
  const callbacks: Incoming[] = [];
  const operations = convertOperations(ctx, document.paths, callbacks);
  const incoming = [...convertWebhooks(ctx, document.webhooks), ...callbacks];
  for (let next = ctx.deferred.shift(); next; next = ctx.deferred.shift()) next();
  applyRequiredPins(ctx);
  applyDiscriminatorPins(ctx);
  reportSharedValues(ctx.schemas, report);
  breakAliasCycles(ctx.schemas, report);
  const info = isRecord(document.info) ? document.info : {};
  return splitByDirection({
    title: typeof info.title === "string" ? info.title : "API",
    version: typeof info.version === "string" ? info.version : "",
    servers: convertServers(document.servers),
    schemas: ctx.schemas,
    operations,
    incoming,
  });
}

/** Server Objects (§4.8.5) with their variables. No servers means one server at `/` (§4.8.1), relative to the page. */
function convertServers(raw: unknown): Server[] {
  const list = Array.isArray(raw) ? raw.filter(isRecord) : [];
  const servers = list.flatMap((s) => {
    if (typeof s.url !== "string") return [];
    const server: Server = { url: s.url, variables: [] };
    if (typeof s.description === "string") server.description = s.description;
    for (const [name, v] of Object.entries(isRecord(s.variables) ? s.variables : {})) {
      if (!isRecord(v) || typeof v.default !== "string") continue;
      const variable: Server["variables"][number] = { name, default: v.default };
      if (Array.isArray(v.enum)) variable.enum = v.enum.filter((e) => typeof e === "string");
      if (typeof v.description === "string") variable.description = v.description;
      server.variables.push(variable);
    }
    return [server];
  });
  return servers.length > 0 ? servers : [{ url: "/", variables: [] }];
}
