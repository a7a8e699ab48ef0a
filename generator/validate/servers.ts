import type { DiagnosticInput } from "../diagnostics.js";
import { isRecord } from "../records.js";
import { joinPointer } from "../load/pointer.js";

/** `servers` (§4.8.1) is a list of Server Objects, each with a `url` (§4.8.5). */
export function checkServers(document: Record<string, unknown>, report: (d: DiagnosticInput) => void): void {
  const servers = document.servers;
  if (servers === undefined) return;
  const invalid = (message: string, pointer: string): void =>
    report({
      code: "E_SERVERS_INVALID",
      severity: "error",
      message,
      hint: "Write servers as a list: `servers: [{ url: https://api.example.com }]`.",
      pointer,
    });
  if (!Array.isArray(servers)) return invalid('"servers" must be a list of Server Objects.', "/servers");
  servers.forEach((server, index) => {
    const at = joinPointer("/servers", index);
    if (!isRecord(server)) invalid("A server must be an object with a url.", at);
    else if (typeof server.url !== "string") invalid('A server needs a "url" string.', at);
  });
}
