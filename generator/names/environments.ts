import type { Server } from "../ir/model.js";
import { camelCase } from "./case.js";
import { Namespace } from "./namespace.js";

const hostLabels = (url: string): string[] => {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1] ?? "";
  return host.split(".").filter(Boolean);
};

/**
 * Keys of the `environments` const, one per server: the server's description in camelCase; else
 * `production` for the first server and, for the others, the host labels that not every server
 * shares (`api.eu.residency.elevenlabs.io` -> `euResidency`); else `server<N>`.
 */
export function environmentKeys(servers: Server[]): string[] {
  const labels = servers.map((s) => hostLabels(s.url));
  const shared = labels.reduce<string[]>((common, l, i) => (i === 0 ? l : common.filter((x) => l.includes(x))), []);
  const taken = new Namespace();
  return servers.map((server, index) => {
    const distinct = labels[index]!.filter((l) => !shared.includes(l)).join(" ");
    const described = server.description === undefined ? "" : camelCase(server.description);
    let key = described !== "" ? described : index === 0 ? "production" : camelCase(distinct) || `server${index + 1}`;
    if (/^[0-9]/.test(key)) key = `server${key}`;
    return taken.claim(key);
  });
}
