import type { InterfaceDeclarationStructure, TypeAliasDeclarationStructure } from "ts-morph";
import type { Api, Doc, NamedSchema } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { docParagraphs } from "../doc.js";
import { docComment, identifier, literalText, propertyKey } from "../escape.js";
import type { Printable } from "../segments.js";
import { tsMorph } from "../ts-morph.js";
import { oneLine, unionLayout, unionText } from "../layout.js";
import { indexSignatureType, topLevelParts, typeText } from "./type-text.js";

const { StructureKind } = tsMorph;

/**
 * One exported declaration per named schema: an interface for plain objects, a type alias
 * otherwise; an enum also gets a const object of its values under the same name, so that
 * `Status.Active` reads like an enum while staying erasable syntax.
 */
export function schemaDeclarations(api: Api, names: NameTable): Printable[] {
  return api.schemas.flatMap((schema) => {
    const own = names.schemas.get(schema.id)!;
    return own.enumKeys ? [declaration(schema, names), enumObject(schema, own.type, own.enumKeys)] : [declaration(schema, names)];
  });
}

/**
 * Written as text in prettier's layout rather than as a ts-morph structure, whose printer indents
 * a multi-line initializer one level too deep.
 */
function enumObject(schema: NamedSchema, name: string, keys: string[]): Printable {
  const values = (schema.type.kind === "union" ? schema.type.members : [schema.type]).flatMap((m) =>
    m.kind === "literal" && m.value !== null ? [literalText(m.value)] : [],
  );
  const members = keys.map((k, i) => `  ${propertyKey(k)}: ${values[i]!},\n`).join("");
  return { statement: `export const ${identifier(name)} = {${members === "" ? "" : `\n${members}`}} as const;`, finalWhenFits: true };
}

/**
 * A one-line type after `head` at `indent`, with a long union broken as prettier breaks it. Its
 * lines after the first carry no indentation: ts-morph indents them one level past the head.
 */
function laidOut(indent: string, head: string, text: string): string {
  if (!oneLine(text)) return text;
  const members = topLevelParts(text, "|");
  const layout = unionLayout(indent, head, members);
  return layout === "flat" ? text : unionText(layout, members, "");
}

function declaration(schema: NamedSchema, names: NameTable): Printable {
  const name = identifier(names.schemas.get(schema.id)!.type);
  const leadingTrivia = docTrivia(schema.doc);
  const type = schema.type;
  if (type.kind !== "object") {
    const text = typeText(type, names);
    const structure: TypeAliasDeclarationStructure = {
      kind: StructureKind.TypeAlias,
      name,
      isExported: true,
      leadingTrivia,
      type: laidOut("", `export type ${name} =`, text),
    };
    return { statement: structure, finalWhenFits: oneLine(text) };
  }
  const texts = type.properties.map((p) => typeText(p.type, names));
  const structure: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    leadingTrivia,
    properties: type.properties.map((p, i) => ({
      name: propertyKey(p.name),
      type: laidOut("  ", `${propertyKey(p.name)}${p.required ? "" : "?"}:`, texts[i]!),
      hasQuestionToken: !p.required,
      leadingTrivia: docTrivia(p.doc),
    })),
  };
  if (type.additional) {
    const returnType = indexSignatureType(type.additional, type, names);
    texts.push(returnType);
    structure.indexSignatures = [{ keyName: "key", keyType: "string", returnType: laidOut("  ", "[key: string]:", returnType) }];
  }
  // prettier prints an interface without members as `{}` on one line, ts-morph over two.
  return { statement: structure, finalWhenFits: texts.length > 0 && oneLine(...texts) };
}

/**
 * JSDoc as leading trivia rather than ts-morph JSDoc structures: the same text, escaped by
 * docComment, printed about four times faster on large specs.
 */
export function docTrivia(doc: Doc): string {
  const comment = docComment(docParagraphs(doc));
  return comment === "" ? "" : `${comment}\n`;
}
