import { type BuildContext } from "./context.js";
import { isRecord } from "../records.js";
import { deref } from "./deref.js";
import type { SecurityScheme } from "./model.js";

/**
 * The schemes that secure an operation (§4.8.30): its own `security`, else the document's. Each
 * requirement is an alternative; within one, the first scheme this client can fill stands for it.
 * Schemes it cannot fill (mutual TLS, unknown types) are left out.
 */
export function convertSecurity(ctx: BuildContext, operationSecurity: unknown): SecurityScheme[] {
  const root = isRecord(ctx.root) ? ctx.root : {};
  const requirements = Array.isArray(operationSecurity) ? operationSecurity : Array.isArray(root.security) ? root.security : [];
  const schemes = isRecord(root.components) && isRecord(root.components.securitySchemes) ? root.components.securitySchemes : {};
  const found: SecurityScheme[] = [];
  for (const requirement of requirements.filter(isRecord)) {
    for (const name of Object.keys(requirement)) {
      const scheme = schemeOf(deref(ctx, schemes[name]));
      if (scheme && !found.some((f) => JSON.stringify(f) === JSON.stringify(scheme))) found.push(scheme);
    }
  }
  return found;
}

function schemeOf(raw: unknown): SecurityScheme | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === "apiKey" && typeof raw.name === "string" && (raw.in === "header" || raw.in === "query" || raw.in === "cookie")) {
    return { kind: "apiKey", in: raw.in, name: raw.name };
  }
  const scheme = typeof raw.scheme === "string" ? raw.scheme.toLowerCase() : "";
  if (raw.type === "http" && scheme === "basic") return { kind: "basic" };
  if ((raw.type === "http" && scheme === "bearer") || raw.type === "oauth2" || raw.type === "openIdConnect") return { kind: "bearer" };
  return undefined;
}
