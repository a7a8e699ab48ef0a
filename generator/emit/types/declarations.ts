import type { NamedSchema } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import type { Expr, Stmt } from "../print/tree.js";
import { docParagraphs } from "../doc.js";
import { identifier } from "../escape.js";
import { objectMembers, typeTree } from "./type-tree.js";

/**
 * One exported declaration per named schema: an interface for plain objects, a type alias
 * otherwise; an enum also gets a const object of its values under the same name, so that
 * `Status.Active` reads like an enum while staying erasable syntax.
 */
export function schemaStatements(schema: NamedSchema, names: NameTable): Stmt[] {
  const own = names.schemas.get(schema.id)!;
  return own.enumKeys ? [declaration(schema, names), enumObject(schema, own.type, own.enumKeys)] : [declaration(schema, names)];
}

/** `export const Status = { Active: "active", ... } as const;`, one value per line. */
function enumObject(schema: NamedSchema, name: string, keys: string[]): Stmt {
  const values = (schema.type.kind === "union" ? schema.type.members : [schema.type]).flatMap((m) =>
    m.kind === "literal" && m.value !== null ? [m.value] : [],
  );
  return {
    kind: "const",
    exported: true,
    name: identifier(name),
    value: {
      kind: "as",
      expression: {
        kind: "object",
        expanded: true,
        properties: keys.map((key, i) => {
          const value = values[i]!;
          return {
            kind: "property" as const,
            key,
            value: typeof value === "string" ? { kind: "string" as const, value } : literalValue(value),
          };
        }),
      },
      type: { kind: "name", name: "const" },
    },
  };
}

const literalValue = (value: number | boolean): Expr =>
  typeof value === "number" ? { kind: "number", value } : { kind: "id", name: String(value) };

function declaration(schema: NamedSchema, names: NameTable): Stmt {
  const name = identifier(names.schemas.get(schema.id)!.type);
  const doc = docParagraphs(schema.doc);
  const type = schema.type;
  if (type.kind !== "object") return { kind: "typeAlias", exported: true, name, doc, type: typeTree(type, names) };
  return { kind: "interface", exported: true, name, doc, members: objectMembers(type, names) };
}
