/**
 * The print tree: generated TypeScript as data. Emitters build it (union members, chain operands,
 * call arguments and object members as arrays), never finished text; print/ lays it out in
 * prettier's layout (see print/doc.ts), the one place that decides where lines break. Names and
 * literal values in it are raw: the printer escapes every one through emit/escape.ts.
 */

/** A JSDoc block, by its paragraphs (escaped when printed); empty when there is nothing to say. */
export type Comment = (string | undefined)[];

export type TypeTree =
  /** A keyword type, or a named type without type arguments: `string`, `Blob`, `Pet`. */
  | { kind: "name"; name: string; args?: TypeTree[] }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "union"; members: TypeTree[] }
  | { kind: "intersection"; members: TypeTree[] }
  | { kind: "array"; element: TypeTree }
  | { kind: "tuple"; elements: TypeTree[]; rest?: TypeTree }
  /** An object type; `expanded` keeps it one member per line whatever its width. */
  | { kind: "object"; members: TypeMember[]; expanded?: boolean }
  | { kind: "function"; params: Param[]; returns: TypeTree }
  /** A type predicate, as a function's return type: `value is Pet`. */
  | { kind: "predicate"; param: string; type: TypeTree };

export type TypeMember =
  | { kind: "property"; key: string; optional?: boolean; readonly?: boolean; type: TypeTree; doc?: Comment }
  | { kind: "index"; keyName: string; type: TypeTree; doc?: Comment };

export interface Param {
  /** An identifier, or the names of an array pattern (`[key, entry]`). */
  name: string | string[];
  optional?: boolean;
  type?: TypeTree;
  initializer?: Expr;
}

export type Expr =
  /** An identifier or keyword: `value`, `true`, `null`, `undefined`. */
  | { kind: "id"; name: string }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  /** A template literal: raw text around each expression, one more text than expressions. */
  | { kind: "template"; quasis: string[]; expressions: Expr[] }
  | { kind: "member"; object: Expr; property: string }
  /** `object[index]`; a string index that is a plain identifier is still printed in brackets. */
  | { kind: "index"; object: Expr; index: Expr }
  | { kind: "call"; callee: Expr; typeArgs?: TypeTree[]; args: Expr[]; new?: boolean }
  /** `&&`, `||` or `??` over two or more operands, left to right. */
  | { kind: "logical"; operator: "&&" | "||" | "??"; operands: Expr[] }
  | {
      kind: "binary";
      operator: "===" | "!==" | "==" | "!=" | ">=" | "<=" | ">" | "<" | "in" | "instanceof" | "+" | "-" | "*" | "/";
      left: Expr;
      right: Expr;
    }
  | { kind: "unary"; operator: "!" | "typeof" | "-" | "void"; argument: Expr }
  | { kind: "arrow"; params: Param[]; returns?: TypeTree; body: Expr }
  /** An object literal; `expanded` keeps it one member per line whatever its width. */
  | { kind: "object"; properties: ObjectMember[]; expanded?: boolean }
  | { kind: "array"; elements: Expr[] }
  | { kind: "as"; expression: Expr; type: TypeTree }
  | { kind: "spread"; argument: Expr };

export type ObjectMember = { kind: "property"; key: string; value: Expr; doc?: Comment } | { kind: "spread"; argument: Expr };

export type Stmt =
  | { kind: "import"; names: ImportName[]; from: string; typeOnly?: boolean }
  | { kind: "typeAlias"; name: string; type: TypeTree; exported?: boolean; doc?: Comment }
  | { kind: "interface"; name: string; members: TypeMember[]; exported?: boolean; doc?: Comment }
  | { kind: "const"; name: string; type?: TypeTree; value: Expr; exported?: boolean; doc?: Comment }
  | {
      kind: "function";
      name: string;
      typeParams?: string[];
      params: Param[];
      returns?: TypeTree;
      body: Stmt[];
      exported?: boolean;
      async?: boolean;
      doc?: Comment;
    }
  | { kind: "return"; argument?: Expr }
  | { kind: "throw"; argument: Expr }
  /** `if (test) consequent` without braces: one short statement. */
  | { kind: "if"; test: Expr; consequent: Stmt }
  | { kind: "switch"; discriminant: Expr; cases: SwitchCase[] };

export interface ImportName {
  name: string;
  typeOnly?: boolean;
}

export interface SwitchCase {
  /** Undefined for `default:`. */
  test?: Expr;
  body: Stmt[];
}

/** Shorthands for the nodes emitters build most. */
export const id = (name: string): Expr => ({ kind: "id", name });
export const str = (value: string): Expr => ({ kind: "string", value });
export const call = (callee: Expr | string, args: Expr[], typeArgs?: TypeTree[]): Expr => ({
  kind: "call",
  callee: typeof callee === "string" ? id(callee) : callee,
  args,
  ...(typeArgs ? { typeArgs } : {}),
});
export const member = (object: Expr | string, property: string): Expr => ({
  kind: "member",
  object: typeof object === "string" ? id(object) : object,
  property,
});
export const named = (name: string, args?: TypeTree[]): TypeTree =>
  args && args.length > 0 ? { kind: "name", name, args } : { kind: "name", name };
