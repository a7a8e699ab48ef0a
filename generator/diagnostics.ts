/**
 * Problems found in a spec. They are collected into a list that each stage is
 * handed explicitly (never global state), so one run reports every problem it
 * can find instead of stopping at the first.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable code, listed in docs/diagnostics.md, e.g. `E_REF_DANGLING`. */
  code: string;
  severity: Severity;
  message: string;
  /** What the user can do about it. */
  hint: string;
  /** The spec file, as the user named it. */
  file: string;
  /** 1-based, when the loader could map the pointer to a source position. */
  line?: number;
  column?: number;
  /** RFC 6901 pointer into the document, `""` for the root. */
  pointer: string;
  /** The source lines around the position with a caret under it (syntax errors), ready to print. */
  frame?: string;
}

export type DiagnosticInput = Omit<Diagnostic, "file" | "line" | "column">;

export const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === "error");

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  // A pointer to the whole document says nothing the file name does not.
  const at = d.pointer === "" ? "" : `\n  at #${d.pointer}`;
  const frame = d.frame === undefined ? "" : `\n${d.frame.replace(/^/gm, "  ")}`;
  return `${where} ${d.severity} ${d.code}: ${d.message}${frame}${at}\n  hint: ${d.hint}`;
}
