import { StructureKind, type InterfaceDeclarationStructure, type JSDocStructure, type OptionalKind, type TypeAliasDeclarationStructure } from "ts-morph";
import type { Api, Doc, NamedSchema } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { docParagraphs } from "../doc.js";
import { docText, identifier, propertyKey } from "../escape.js";
import { indexSignatureType, typeText } from "./type-text.js";

export type Declaration = InterfaceDeclarationStructure | TypeAliasDeclarationStructure;

/** One exported declaration per named schema: an interface for plain objects, a type alias otherwise. */
export function schemaDeclarations(api: Api, names: NameTable): Declaration[] {
  return api.schemas.map((schema) => declaration(schema, names));
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
