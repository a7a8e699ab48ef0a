/**
 * `text` split at each `separator` outside brackets and string literals: a union's members
 * (`|`), an intersection's (`&`), a chain's operands (`&&`, `||`). Angle brackets count as
 * brackets in a type (`Record<string, A | B>`), never in an expression (`error.status >= 400`).
 * A single `|` or `&` is a separator only where it is not part of `||` or `&&`.
 */
export function splitTopLevel(text: string, separator: "|" | "&" | "||" | "&&", code: "type" | "expression"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{" || c === "(" || c === "[" || (code === "type" && c === "<")) depth++;
    else if (c === "}" || c === ")" || c === "]" || (code === "type" && c === ">" && text[i - 1] !== "=")) depth--;
    else if (depth === 0 && text.startsWith(separator, i) && (separator.length === 2 || text[i + 1] !== c)) {
      parts.push(text.slice(start, i).trim());
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** An expression's top-level `&&` or `||` operands (one operator, as checks.ts `chain` writes them). */
export function topLevelOperands(expression: string): { operator?: "&&" | "||"; operands: string[] } {
  for (const operator of ["&&", "||"] as const) {
    const operands = splitTopLevel(expression, operator, "expression");
    if (operands.length > 1) return { operator, operands };
  }
  return { operands: [expression] };
}
