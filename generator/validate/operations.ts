import type { DiagnosticInput } from "../diagnostics.js";
import { isMethod } from "../openapi.js";
import { isRecord } from "../records.js";
import { joinPointer } from "../load/pointer.js";
import { follow } from "../load/refs.js";

/** operationIds are unique (§4.8.10), and every `{name}` in a path template is a declared path parameter (§4.8.8.1). */
export function checkOperations(document: Record<string, unknown>, report: (d: DiagnosticInput) => void): void {
  if (!isRecord(document.paths)) return;
  const seenIds = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isRecord(item)) continue;
    const itemPointer = joinPointer("/paths", path);
    for (const [method, operation] of Object.entries(item)) {
      if (!isMethod(method) || !isRecord(operation)) continue;
      const pointer = joinPointer(itemPointer, method);
      const id = operation.operationId;
      if (typeof id === "string") {
        const first = seenIds.get(id);
        if (first !== undefined) {
          report({
            code: "E_OPERATION_ID_DUPLICATE",
            severity: "error",
            message: `operationId "${id}" is already used at #${first}.`,
            hint: "operationIds must be unique across the document; rename one of them.",
            pointer: joinPointer(pointer, "operationId"),
          });
        } else {
          seenIds.set(id, pointer);
        }
      }
      const declared = new Set(pathParameterNames(document, item.parameters).concat(pathParameterNames(document, operation.parameters)));
      for (const [, name] of path.matchAll(/\{([^}]*)\}/g)) {
        if (declared.has(name!)) continue;
        report({
          code: "W_PATH_PARAM_UNDECLARED",
          severity: "warning",
          message: `The path template names {${name}}, but the operation declares no path parameter "${name}"; it is taken as a required string.`,
          hint: `Add { name: ${JSON.stringify(name)}, in: path, required: true, schema: { type: string } } to the parameters.`,
          pointer,
        });
      }
    }
  }
}

function pathParameterNames(document: object, list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const p = follow(document, entry);
    return isRecord(p) && p.in === "path" && typeof p.name === "string" ? [p.name] : [];
  });
}
