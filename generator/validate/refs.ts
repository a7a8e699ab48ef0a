import type { DiagnosticInput } from "../diagnostics.js";
import { joinPointer, refToPointer, resolvePointer } from "../load/pointer.js";
import { walkDocument } from "../load/walk.js";

/**
 * Every `$ref` where OpenAPI and JSON Schema put references must point inside the document, at
 * something that exists. A `$ref` inside an example, an extension or an `enum`/`const`/`default`
 * value is data and is not checked (load/walk.ts). A dangling ref is a warning: the IR types that
 * one spot as unknown, so a large spec with one defect still generates.
 */
export function checkRefs(document: Record<string, unknown>, report: (d: DiagnosticInput) => void): void {
  walkDocument(document, ({ node, pointer }) => {
    if (typeof node.$ref === "string") checkRef(document, node.$ref, joinPointer(pointer, "$ref"), report);
  });
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
