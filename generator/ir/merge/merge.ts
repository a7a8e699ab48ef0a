import type { Diagnostic } from "../../diagnostics.js";
import { joinPointer } from "../../load/pointer.js";
import type { SpecSource } from "../../load/source.js";
import { buildIr } from "../build.js";
import { isRecord } from "../../records.js";
import { CanonicalTypes } from "./canonical.js";
import { componentsOf, meaningText, OTHER_KINDS, planRenames, renameComponents, type Clash } from "./components.js";
import { inputLabels, Origins } from "./origins.js";
import { mergePaths } from "./paths.js";
import { applyRenames, type Renames } from "./refs.js";

export interface MergeInput {
  source: SpecSource;
  /** The validated document. */
  document: Record<string, unknown>;
}

/**
 * Several documents (specs, or documentation pages of one operation each) into one, as if one
 * spec held all their operations:
 * - component schemas with the same name and the same TypeScript type are kept once; a name with
 *   two meanings is a warning, and the later meaning gets a name of its own;
 * - the same `METHOD path` twice is one operation if both mean the same, else an error;
 * - servers, tags and security schemes are merged, with a warning where inputs disagree.
 * Diagnostics about the merged document point into the input each part came from.
 */
export function mergeDocuments(inputs: MergeInput[], file: string, diagnostics: Diagnostic[]): SpecSource {
  const origins = new Origins(inputs.map((i) => i.source));
  const labels = inputLabels(inputs.map((i) => i.source));
  const documents = inputs.map((i) => structuredClone(i.document));
  const renames: Renames[] = documents.map(() => new Map());
  // The types each input's schemas would have, to tell when two same-named schemas mean the same.
  const apis = documents.map((d) => buildIr(d, () => undefined));
  const canonical = apis.map((api) => new CanonicalTypes(api));
  const schemaPointer = (name: string): string => joinPointer("/components/schemas", name);
  const clash = (kind: string, code: string, what: string) => (c: Clash) =>
    diagnostics.push(
      origins.diagnostic(
        {
          code,
          severity: "warning",
          message: `${what} "${c.name}" here differs from the one in ${origins.describe(c.kept, joinPointer("/components", kind, c.name))}; this one is named "${c.renamedTo}".`,
          hint: "Give the two different names in the inputs, or make them agree (--strict makes this an error).",
          pointer: joinPointer("/components", kind, c.name),
        },
        c.input,
      ),
    );
  planRenames("schemas", documents, labels, (i, name) => canonical[i]!.schema(schemaPointer(name)) ?? "", renames).forEach(
    clash("schemas", "W_MERGE_SCHEMA_CONFLICT", "Schema"),
  );
  // Other components compare after the schema renames, so refs to one renamed schema agree.
  documents.forEach((d, i) => applyRenames(d, renames[i]!));
  const before = renames.map((r) => new Map(r));
  for (const kind of OTHER_KINDS) {
    const clashes = planRenames(kind, documents, labels, (_i, _name, value) => meaningText(value), renames);
    if (kind === "securitySchemes") clashes.forEach(clash(kind, "W_MERGE_SECURITY_CONFLICT", "Security scheme"));
  }
  documents.forEach((d, i) => {
    const added = new Map([...renames[i]!].filter(([key]) => !before[i]!.has(key)));
    applyRenames(d, added);
    renameComponents(d, renames[i]!);
  });

  const merged: Record<string, unknown> = {
    openapi: documents.map((d) => String(d.openapi)).sort((a, b) => a.localeCompare(b, "en", { numeric: true }))[documents.length - 1],
  };
  for (const d of documents)
    for (const [key, value] of Object.entries(d)) if (!(key in merged) && !MERGED_KEYS.has(key)) merged[key] = value;
  merged.servers = mergeServers(documents, origins, diagnostics);
  merged.tags = mergeNamed(documents.map((d) => (Array.isArray(d.tags) ? d.tags : [])));
  // Webhooks (3.1) by name, the first input's of each.
  const webhooks: Record<string, unknown> = {};
  for (const d of documents)
    for (const [name, hook] of Object.entries(isRecord(d.webhooks) ? d.webhooks : {})) if (!(name in webhooks)) webhooks[name] = hook;
  if (Object.keys(webhooks).length > 0) merged.webhooks = webhooks;
  const rootSecurity = documents.map((d) => (d.security === undefined ? undefined : meaningText(d.security)));
  const sharedSecurity = rootSecurity.every((s) => s === rootSecurity[0]);
  if (sharedSecurity && documents[0]!.security !== undefined) merged.security = documents[0]!.security;
  merged.paths = mergePaths(documents, apis, canonical, origins, sharedSecurity, diagnostics);
  const components: Record<string, Record<string, unknown>> = {};
  for (const kind of ["schemas", ...OTHER_KINDS]) {
    documents.forEach((d, i) => {
      for (const [name, value] of Object.entries(componentsOf(d, kind))) {
        const table = (components[kind] ??= {});
        if (name in table) continue;
        table[name] = value;
        const original = [...renames[i]!].find(([key, to]) => to === name && key.startsWith(`${kind}\0`))?.[0].split("\0")[1] ?? name;
        origins.record(joinPointer("/components", kind, name), i, joinPointer("/components", kind, original));
      }
    });
  }
  merged.components = components;
  for (const key of ["servers", "tags"]) if (Array.isArray(merged[key]) && (merged[key] as unknown[]).length === 0) delete merged[key];
  return {
    file,
    text: inputs.map((i) => i.source.text).join("\n"),
    document: merged,
    locate: (pointer) => origins.locate(pointer),
  };
}

/** Root keys merged by the rules above; any other root key (info, extensions) comes from the first input that has it. */
const MERGED_KEYS = new Set(["openapi", "servers", "tags", "security", "paths", "components", "webhooks"]);

/** Servers of every input, once per URL; a warning for an input whose list differs from the first one's. */
function mergeServers(documents: Record<string, unknown>[], origins: Origins, diagnostics: Diagnostic[]): unknown[] {
  const lists = documents.map((d) => (Array.isArray(d.servers) ? d.servers.filter(isRecord) : []));
  const urls = (list: Record<string, unknown>[]): string => JSON.stringify(list.map((s) => s.url));
  const first = lists.findIndex((l) => l.length > 0);
  const merged: unknown[] = [];
  const seen = new Set<unknown>();
  lists.forEach((list, i) => {
    if (list.length > 0 && i !== first && urls(list) !== urls(lists[first]!)) {
      diagnostics.push(
        origins.diagnostic(
          {
            code: "W_MERGE_SERVERS_DIFFER",
            severity: "warning",
            message: `These servers differ from those of ${origins.describe(first, "/servers")}; the client lists the servers of all inputs.`,
            hint: "Make the inputs list the same servers, or pick one with the client's baseUrl option.",
            pointer: "/servers",
          },
          i,
        ),
      );
    }
    list.forEach((server, j) => {
      if (seen.has(server.url)) return;
      seen.add(server.url);
      origins.record(joinPointer("/servers", merged.length), i, joinPointer("/servers", j));
      merged.push(server);
    });
  });
  return merged;
}

/** Tag Objects of every input, the first of each name. */
function mergeNamed(lists: unknown[][]): unknown[] {
  const seen = new Set<unknown>();
  return lists.flat().filter((tag) => isRecord(tag) && !seen.has(tag.name) && seen.add(tag.name));
}
