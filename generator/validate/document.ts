import type { DiagnosticInput } from "../diagnostics.js";
import { isRecord } from "../records.js";
import { joinPointer, refToPointer, resolvePointer } from "../load/pointer.js";
import { checkDiscriminators } from "./discriminators.js";
import { checkOperations } from "./operations.js";
import { checkRefs } from "./refs.js";
import { checkServers } from "./servers.js";

/** 3.0 and 3.1, with or without a patch number: `3.0`, `3.0.4`, `3.1`, `3.1.1`. */
const SUPPORTED = /^3\.[01](\.\d+)?$/;
const ACCEPTED = "3.0, 3.0.x, 3.1 or 3.1.x";

/**
 * The version as written. YAML reads an unquoted `openapi: 3.0` as the number 3 and `3.1` as 3.1,
 * so a number is read back as the version it spells (3 is `3.0`).
 */
const versionText = (version: unknown): string | undefined =>
  typeof version === "string"
    ? version
    : typeof version === "number"
      ? Number.isInteger(version)
        ? version.toFixed(1)
        : String(version)
      : undefined;

/**
 * Whole-document checks that must pass before the IR is built. Returns the document when it is an
 * OpenAPI 3.0 or 3.1 document worth building, whatever else it reported.
 */
export function validateDocument(document: unknown, report: (d: DiagnosticInput) => void): Record<string, unknown> | undefined {
  if (!isRecord(document)) {
    report({
      code: "E_NOT_OPENAPI",
      severity: "error",
      message: "The document is not an object, so it cannot be an OpenAPI document.",
      hint: "An OpenAPI document starts with `openapi: 3.1.0` (or 3.0.x), then `info` and `paths`.",
      pointer: "",
    });
    return undefined;
  }
  // Swagger 2.0 was converted to OpenAPI 3 when it was loaded; older versions are not.
  if (document.swagger !== undefined) {
    report({
      code: "E_VERSION_UNSUPPORTED",
      severity: "error",
      message: `Swagger ${String(document.swagger)} is not supported; Swagger 2.0 and OpenAPI 3.0 and 3.1 are.`,
      hint: "Convert the document to Swagger 2.0 or OpenAPI 3 first.",
      pointer: "/swagger",
    });
    return undefined;
  }
  const version = versionText(document.openapi);
  if (version === undefined) {
    report({
      code: "E_NOT_OPENAPI",
      severity: "error",
      message: 'The document has no "openapi" version field.',
      hint: "Add `openapi: 3.1.0` (or the 3.0.x version the document follows) at the top.",
      pointer: "",
    });
    return undefined;
  }
  if (!SUPPORTED.test(version)) {
    report({
      code: "E_VERSION_UNSUPPORTED",
      severity: "error",
      message: `The document says \`openapi: ${JSON.stringify(document.openapi)}\`; specforge reads OpenAPI ${ACCEPTED}.`,
      hint: `Set \`openapi\` to the version the document follows (${ACCEPTED}); convert other versions to OpenAPI 3.1 first.`,
      pointer: "/openapi",
    });
    return undefined;
  }
  if (document.paths !== undefined && !isRecord(document.paths)) {
    report({
      code: "E_PATHS_INVALID",
      severity: "error",
      message: '"paths" must be an object of path templates.',
      hint: "Write paths as a map: `paths: { /items: { get: ... } }`.",
      pointer: joinPointer("", "paths"),
    });
  }
  checkServers(document, report);
  checkRefs(document, report);
  checkOperations(document, report);
  checkDiscriminators(document, report);
  return document;
}

/**
 * The checks of `validateDocument` that can fail inside one component schema, for the watch mode
 * after an edit of only these schemas: their references (`checkRefs` over the schemas alone, a
 * target anywhere in the document counting as found). The other checks look at paths, servers and
 * discriminators, which such an edit leaves as they were.
 */
export function validateSchemaEdit(document: Record<string, unknown>, names: string[], report: (d: DiagnosticInput) => void): void {
  const schemas = isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
  const edited = { components: { schemas: Object.fromEntries(names.map((name) => [name, schemas[name]])) } };
  checkRefs(edited, (d) => {
    const target = d.code === "W_REF_DANGLING" ? refToPointer(String(resolvePointer(document, d.pointer))) : undefined;
    if (target === undefined || resolvePointer(document, target) === undefined) report(d);
  });
}
