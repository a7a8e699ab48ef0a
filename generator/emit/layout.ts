import { topLevelOperands } from "./types/top-level.js";

/**
 * prettier's layout for the few constructs the templates print, chosen by width as prettier
 * chooses it, so that the format stage can leave them alone. A statement whose chosen layout
 * still has a line that is too long goes to prettier after all (segments.ts checks every line).
 */

export const PRINT_WIDTH = 100;

const fits = (line: string): boolean => line.length <= PRINT_WIDTH;

/** A type printed over several lines (an object type with JSDoc) is left for prettier to lay out. */
export const oneLine = (...texts: string[]): boolean => texts.every((t) => !t.includes("\n"));

/** `import { a, b } from "m";`, or one name per line. */
export function importStatement(names: string[], from: string, typeOnly = false): string {
  const head = typeOnly ? "import type" : "import";
  const flat = `${head} { ${names.join(", ")} } from ${from};`;
  // prettier never breaks an import of one name.
  return fits(flat) || names.length === 1 ? flat : `${head} {\n${names.map((n) => `  ${n},\n`).join("")}} from ${from};`;
}

/**
 * `open` items `close` at `indent`, where `open` ends with `(` or `[` and `close` starts with the
 * matching bracket: on one line, or one item per line with a trailing comma.
 */
export function bracketed(indent: string, open: string, items: string[], close: string): string {
  const flat = `${indent}${open}${items.join(", ")}${close}`;
  // prettier fills a list of numbers, several to a line; that is left to it (the line is too long).
  const numbers = items.every((i) => /^-?\d/.test(i));
  return fits(flat) || numbers ? flat : `${indent}${open}\n${items.map((i) => `${indent}  ${i},\n`).join("")}${indent}${close}`;
}

/** A function's head up to its opening brace, with its parameters on one line or one per line. */
export const functionHead = (prefix: string, parameters: string[], suffix: string): string =>
  bracketed("", `${prefix}(`, parameters, `)${suffix} {`);

/**
 * How prettier lays out a union after `head` (`type X =`, or a property's `key?:`) at `indent`:
 * on one line, alone on the next line, or one member per line.
 */
export type UnionLayout = "flat" | "next-line" | "one-per-line";

export function unionLayout(indent: string, head: string, members: string[]): UnionLayout {
  const union = members.join(" | ");
  // An object type with null, undefined or void: prettier keeps the union on the head's line and
  // breaks the object. Left on one line, too long, the statement goes to prettier for that.
  if (fits(`${indent}${head} ${union};`) || members.length < 2 || hugsObject(members)) return "flat";
  return fits(`${indent}  ${union};`) ? "next-line" : "one-per-line";
}

const isObjectType = (member: string): boolean => member.startsWith("{") && member.endsWith("}");

const hugsObject = (members: string[]): boolean =>
  members.filter(isObjectType).length === 1 && members.every((m) => isObjectType(m) || m === "null" || m === "undefined" || m === "void");

/** The text after `head` in a layout; `continuation` starts each line after the first. */
export function unionText(layout: UnionLayout, members: string[], continuation: string): string {
  const union = members.join(" | ");
  if (layout === "flat") return ` ${union}`;
  if (layout === "next-line") return `\n${continuation}${union}`;
  return members.map((m) => `\n${continuation}| ${m}`).join("");
}

/** `type X = A | B;` in prettier's layout. */
export const unionAlias = (head: string, members: string[]): string =>
  `${head} =${unionText(unionLayout("", `${head} =`, members), members, "  ")};`;

/** A property `key?: A | B;` at `indent` in prettier's layout. */
export const unionProperty = (indent: string, head: string, members: string[]): string =>
  `${indent}${head}${unionText(unionLayout(indent, head, members), members, `${indent}  `)};`;

/** `return a && b;` inside a function body; else in parentheses, on one line or one operand per line. */
export function returnChain(operands: string[], operator: "&&" | "||"): string {
  const chain = operands.join(` ${operator} `);
  // A lone operand is not a chain: prettier breaks inside it, which is left to it.
  if (fits(`  return ${chain};`) || operands.length === 1) return `  return ${chain};`;
  if (fits(`    ${chain}`)) return `  return (\n    ${chain}\n  );`;
  return `  return (\n${operands.map((o, i) => chainOperand(o, "    ", i < operands.length - 1 ? ` ${operator}` : "")).join("\n")}\n  );`;
}

/**
 * One operand of a broken chain at `indent`, with `suffix` after it (its operator, or the
 * parentheses closing around it): on one line if that fits; a parenthesized chain that does not
 * is broken after each operator, its later operands one level deeper, as prettier breaks it.
 * Anything else too long stays on one line, which leaves the statement to prettier.
 */
function chainOperand(operand: string, indent: string, suffix: string): string {
  const flat = `${indent}${operand}${suffix}`;
  if (fits(flat) || !operand.startsWith("(") || !operand.endsWith(")") || topLevelOperands(operand).operator) return flat;
  const { operator, operands } = topLevelOperands(operand.slice(1, -1));
  if (operator === undefined) return flat;
  const last = operands.length - 1;
  return [
    `${indent}(${operands[0]} ${operator}`,
    ...operands.slice(1).map((o, i) => chainOperand(o, `${indent}  `, i + 1 === last ? `)${suffix}` : ` ${operator}`)),
  ].join("\n");
}

/**
 * An arrow function whose body is the call `callee(args)`, as an object property at `indent`: on
 * one line; else its body on the next line; else, when even the head is too long, one parameter
 * per line (and the body after them, or on a line of its own). A body too long for a line of its
 * own gets one argument per line.
 */
export function arrowProperty(indent: string, key: string, parameters: string[], callee: string, args: string[]): string {
  const body = `${callee}(${args.join(", ")})`;
  const head = `${indent}${key}: (${parameters.join(", ")}) =>`;
  if (fits(`${head} ${body},`)) return `${head} ${body},`;
  const inner = `${indent}  `;
  const ownLine = fits(`${inner}${body},`)
    ? `${inner}${body},`
    : `${inner}${callee}(\n${args.map((a) => `${inner}  ${a},\n`).join("")}${inner}),`;
  if (fits(head)) return `${head}\n${ownLine}`;
  const broken = `${indent}${key}: (\n${parameters.map((p) => `${inner}${p},\n`).join("")}${indent}) =>`;
  return fits(`${indent}) => ${body},`) ? `${broken} ${body},` : `${broken}\n${ownLine}`;
}

/**
 * `key: { a, b },` or `key: call({ a, b }),` as an object property at `indent`; too long, one
 * entry per line (prettier hugs an object that is a call's only argument).
 */
export function objectProperty(indent: string, key: string, entries: string[], call?: string): string {
  const [open, close] = call === undefined ? ["{", "}"] : [`${call}({`, "})"];
  const flat = `${indent}${key}: ${open} ${entries.join(", ")} ${close},`;
  return fits(flat) ? flat : `${indent}${key}: ${open}\n${entries.map((e) => `${indent}  ${e},\n`).join("")}${indent}${close},`;
}

/** Every line of a JSDoc block indented, as the member it documents is. */
export const indentBlock = (text: string, indent: string): string => text.replace(/\n/g, `\n${indent}`);
