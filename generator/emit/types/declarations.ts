import {
  StructureKind,
  VariableDeclarationKind,
  type InterfaceDeclarationStructure,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { Api, Doc, NamedSchema } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { docParagraphs } from "../doc.js";
import { docComment, identifier, literalText, propertyKey } from "../escape.js";
import { indexSignatureType, typeText } from "./type-text.js";

export type Declaration = InterfaceDeclarationStructure | TypeAliasDeclarationStructure | VariableStatementStructure;

/**
 * One exported declaration per named schema: an interface for plain objects, a type alias
 * otherwise; an enum also gets a const object of its values under the same name, so that
 * `Status.Active` reads like an enum while staying erasable syntax.
 */
export function schemaDeclarations(api: Api, names: NameTable): Declaration[] {
  return api.schemas.flatMap((schema) => {
    const own = names.schemas.get(schema.id)!;
    return own.enumKeys ? [declaration(schema, names), enumObject(schema, own.type, own.enumKeys)] : [declaration(schema, names)];
  });
}

function enumObject(schema: NamedSchema, name: string, keys: string[]): VariableStatementStructure {
  const values = (schema.type.kind === "union" ? schema.type.members : [schema.type]).flatMap((m) =>
    m.kind === "literal" && m.value !== null ? [literalText(m.value)] : [],
  );
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: identifier(name), initializer: `{\n${keys.map((k, i) => `${propertyKey(k)}: ${values[i]!},`).join("\n")}\n} as const` }],
  };
}

function declaration(schema: NamedSchema, names: NameTable): Declaration {
  const name = identifier(names.schemas.get(schema.id)!.type);
  const leadingTrivia = docTrivia(schema.doc);
  const type = schema.type;
  if (type.kind !== "object") {
    return { kind: StructureKind.TypeAlias, name, isExported: true, leadingTrivia, type: typeText(type, names) };
  }
  const structure: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    leadingTrivia,
    properties: type.properties.map((p) => ({
      name: propertyKey(p.name),
      type: typeText(p.type, names),
      hasQuestionToken: !p.required,
      leadingTrivia: docTrivia(p.doc),
    })),
  };
  if (type.additional) {
    structure.indexSignatures = [{ keyName: "key", keyType: "string", returnType: indexSignatureType(type.additional, type, names) }];
  }
  return structure;
}

/**
 * JSDoc as leading trivia rather than ts-morph JSDoc structures: the same text, escaped by
 * docComment, printed about four times faster on large specs.
 */
export function docTrivia(doc: Doc): string {
  const comment = docComment(docParagraphs(doc));
  return comment === "" ? "" : `${comment}\n`;
}
