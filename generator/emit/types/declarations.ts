import {
  StructureKind,
  VariableDeclarationKind,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { Api, Doc, NamedSchema } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { docParagraphs } from "../doc.js";
import { docText, identifier, literalText, propertyKey } from "../escape.js";
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
  const docs = jsDocs(schema.doc);
  const type = schema.type;
  if (type.kind !== "object") {
    return { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: typeText(type, names) };
  }
  const structure: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs,
    properties: type.properties.map((p) => ({
      name: propertyKey(p.name),
      type: typeText(p.type, names),
      hasQuestionToken: !p.required,
      docs: jsDocs(p.doc),
    })),
  };
  if (type.additional) {
    structure.indexSignatures = [{ keyName: "key", keyType: "string", returnType: indexSignatureType(type.additional, type, names) }];
  }
  return structure;
}

export function jsDocs(doc: Doc): OptionalKind<JSDocStructure>[] {
  const paragraphs = docParagraphs(doc).filter((p): p is string => p !== undefined && p.trim() !== "");
  if (paragraphs.length === 0) return [];
  return [{ description: paragraphs.map((p) => docText(p.trim()).join("\n")).join("\n\n") }];
}
