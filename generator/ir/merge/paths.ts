import type { Diagnostic } from "../../diagnostics.js";
import { joinPointer } from "../../load/pointer.js";
import { follow } from "../../load/refs.js";
import { isRecord } from "../../records.js";
import type { Api } from "../model.js";
import type { CanonicalTypes } from "./canonical.js";
import type { Origins } from "./origins.js";

import { METHODS } from "../../openapi.js";

/** `/v1/voices/{voice_id}` and `/v1/voices/{id}` are the same path (§4.8.8: templated paths that differ only in names). */
const pathKey = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;

/**
 * The Paths Objects of every input in one. A path that only one input has is taken whole. Where
 * several inputs share a path, each operation takes its path item's parameters and servers along
 * (those differ between inputs), and the same `METHOD path` twice is kept once if both mean the
 * same, else reported. An input's root `security` goes into its operations when inputs disagree on it.
 */
export function mergePaths(
  documents: Record<string, unknown>[],
  apis: Api[],
  canonical: CanonicalTypes[],
  origins: Origins,
  sharedSecurity: boolean,
  diagnostics: Diagnostic[],
): Record<string, unknown> {
  const holders = new Map<string, number>();
  documents.forEach((d) => {
    for (const path of Object.keys(isRecord(d.paths) ? d.paths : {})) holders.set(path, (holders.get(path) ?? 0) + 1);
  });
  const paths: Record<string, Record<string, unknown>> = {};
  const seen = new Map<string, { input: number; pointer: string }>();
  documents.forEach((document, i) => {
    for (const [path, rawItem] of Object.entries(isRecord(document.paths) ? document.paths : {})) {
      const itemPointer = joinPointer("/paths", path);
      const item = follow(document, rawItem);
      if (!isRecord(item)) continue;
      const operations = METHODS.filter((m) => isRecord(item[m]));
      const fresh = operations.filter((method) => {
        const pointer = joinPointer(itemPointer, method);
        const first = seen.get(pathKey(method, path));
        if (!first) {
          seen.set(pathKey(method, path), { input: i, pointer });
          return true;
        }
        if (
          operationMeaning(apis[first.input]!, canonical[first.input]!, first.pointer) !==
          operationMeaning(apis[i]!, canonical[i]!, pointer)
        ) {
          diagnostics.push(
            origins.diagnostic(
              {
                code: "E_MERGE_OPERATION_CONFLICT",
                severity: "error",
                message: `${method.toUpperCase()} ${path} is also defined, differently, at ${origins.describe(first.input, first.pointer)}.`,
                hint: "Keep one definition of the operation: remove the older page or spec, or make both the same.",
                pointer,
              },
              i,
            ),
          );
        }
        return false;
      });
      const withSecurity = (method: string): unknown => {
        const operation = item[method] as Record<string, unknown>;
        return sharedSecurity || operation.security !== undefined || document.security === undefined
          ? operation
          : { ...operation, security: document.security };
      };
      if (holders.get(path) === 1 && fresh.length === operations.length) {
        paths[path] = { ...item, ...Object.fromEntries(operations.map((m) => [m, withSecurity(m)])) };
        origins.record(itemPointer, i, itemPointer);
        continue;
      }
      const target = (paths[path] ??= {});
      for (const method of fresh) {
        target[method] = standalone(document, item, withSecurity(method) as Record<string, unknown>, itemPointer, method, i, origins);
        origins.record(joinPointer(itemPointer, method), i, joinPointer(itemPointer, method));
      }
    }
  });
  return paths;
}

/** What a caller of the operation at `pointer` sees; undefined text if the IR has no such operation. */
const operationMeaning = (api: Api, canonical: CanonicalTypes, pointer: string): string => {
  const operation = api.operations.find((o) => o.pointer === pointer);
  return operation ? canonical.operation(operation) : "";
};

/**
 * An operation with its path item's parameters (those it does not redefine, §4.8.9) and servers
 * moved into it, so that it means the same beside operations of other inputs on the same path.
 */
function standalone(
  document: Record<string, unknown>,
  item: Record<string, unknown>,
  operation: Record<string, unknown>,
  itemPointer: string,
  method: string,
  input: number,
  origins: Origins,
): Record<string, unknown> {
  const result = { ...operation };
  if (item.servers !== undefined && result.servers === undefined) result.servers = item.servers;
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  if (shared.length === 0) return result;
  const own = Array.isArray(operation.parameters) ? operation.parameters : [];
  const key = (entry: unknown): string => {
    const p = follow(document, entry);
    return isRecord(p) && typeof p.name === "string" ? `${String(p.in)} ${p.name}` : "";
  };
  const parameters: unknown[] = [];
  const from: string[] = [];
  const opPointer = joinPointer(itemPointer, method);
  shared.forEach((p, k) => {
    const redefined = own.findIndex((o) => key(o) === key(p) && key(p) !== "");
    parameters.push(redefined === -1 ? p : own[redefined]);
    from.push(redefined === -1 ? joinPointer(itemPointer, "parameters", k) : joinPointer(opPointer, "parameters", redefined));
  });
  own.forEach((p, j) => {
    if (shared.some((s) => key(s) === key(p) && key(p) !== "")) return;
    parameters.push(p);
    from.push(joinPointer(opPointer, "parameters", j));
  });
  result.parameters = parameters;
  from.forEach((pointer, n) => origins.record(joinPointer(opPointer, "parameters", n), input, pointer));
  return result;
}
