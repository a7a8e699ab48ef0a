import type { DiagnosticInput } from "../diagnostics.js";
import { joinPointer, refToPointer, resolvePointer } from "../load/pointer.js";
import { isDataKey } from "../openapi.js";

/**
 * Every `$ref` in the document must point inside it, at something that exists. A dangling ref is a
 * warning: the IR types that one spot as unknown, so a large spec with one defect still generates.
 * The walk is iterative so deeply nested documents cannot overflow the stack.
 */
export function checkRefs(document: object, report: (d: DiagnosticInput) => void): void {
  const stack: [unknown, string][] = [[document, ""]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        if (node[i] !== null && typeof node[i] === "object") stack.push([node[i], `${pointer}/${i}`]);
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const value = (node as Record<string, unknown>)[key];
      if (key === "$ref" && typeof value === "string") checkRef(document, value, joinPointer(pointer, key), report);
      // Only objects are walked: most values are strings, whose pointer is never needed.
      else if (value !== null && typeof value === "object" && !isDataKey(key, value)) stack.push([value, joinPointer(pointer, key)]);
    }
  }
}

function checkRef(document: object, ref: string, pointer: string, report: (d: DiagnosticInput) => void): void {
  const target = refToPointer(ref);
  if (target === undefined && ref.startsWith("#")) {
    report({
      code: "E_REF_INVALID",
      severity: "error",
      message: `The reference "${ref}" is not a JSON pointer.`,
      hint: 'A local reference looks like "#/components/schemas/Name"; percent-encode special characters.',
      pointer,
    });
  } else if (target === undefined) {
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
    report({
      code: remote ? "E_REF_REMOTE" : "E_REF_EXTERNAL",
      severity: "error",
      message: remote
        ? `The reference "${ref}" is remote; generation never touches the network.`
        : `The reference "${ref}" could not be resolved in another file.`,
      hint: remote
        ? "Download the referenced document next to the spec and refer to it locally."
        : "Check the file's path, relative to the file holding the $ref, and the pointer after #.",
      pointer,
    });
  } else if (resolvePointer(document, target) === undefined) {
    report({
      code: "W_REF_DANGLING",
      severity: "warning",
      message: `The reference "${ref}" points to nothing; the schema there is typed as unknown.`,
      hint: "Fix the pointer, or add the missing schema under components.",
      pointer,
    });
  }
}
