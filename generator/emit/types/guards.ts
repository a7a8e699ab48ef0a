import { StructureKind, VariableDeclarationKind, type FunctionDeclarationStructure, type VariableStatementStructure } from "ts-morph";
import { guardedSchemas } from "../../ir/guarded.js";
import type { Api, Discriminator, Literal, NamedSchema } from "../../ir/model.js";
import type { NameTable, SchemaNames } from "../../names/plan.js";
import { docComment, identifier, literalText, propertyAccess, propertyKey, stringLiteral } from "../escape.js";
import { checkExpression } from "./checks.js";

export type GuardStatement = FunctionDeclarationStructure | VariableStatementStructure;

export interface GuardModule {
  statements: GuardStatement[];
  /** Type names the guards refer to, for the import from types.ts. */
  typeImports: string[];
  usesUnknownVariantError: boolean;
}

/**
 * Runtime guards for every union and the schemas its members reach, plus, for discriminated
 * unions, the list of discriminator values and an exhaustive `match`.
 */
export function guardModule(api: Api, names: NameTable): GuardModule {
  const statements: GuardStatement[] = [];
  const typeImports: string[] = [];
  let usesUnknownVariantError = false;
  const guarded = guardedSchemas(api);
  const trivial = admitsAnything(guarded, names);
  for (const schema of guarded) {
    const schemaNames = checkedNames(names.schemas.get(schema.id)!);
    typeImports.push(schemaNames.type);
    const discriminator = schema.type.kind === "union" ? schema.type.discriminator : undefined;
    if (discriminator) {
      statements.push(valuesStatement(discriminator, schemaNames, schemaNames.values!));
      statements.push(discriminatedGuard(discriminator, schemaNames, names));
      statements.push(matchFunction(discriminator, schemaNames, names));
      usesUnknownVariantError = true;
    } else {
      statements.push(structuralGuard(schema, schemaNames, names, trivial));
    }
  }
  return { statements, typeImports, usesUnknownVariantError };
}

/** Every name a guard module prints, through the identifier escape. */
const checkedNames = (own: SchemaNames): SchemaNames => {
  const checked: SchemaNames = { type: identifier(own.type) };
  if (own.guard !== undefined) checked.guard = identifier(own.guard);
  if (own.match !== undefined) checked.match = identifier(own.match);
  if (own.values !== undefined) checked.values = identifier(own.values);
  return checked;
};

const guardDocs = (text: string): string => `${docComment([text])}\n`;

/** Schemas whose check is `true` (unknown, or only refs and unions reaching unknown), to a fixpoint. */
function admitsAnything(schemas: NamedSchema[], names: NameTable): ReadonlySet<string> {
  const found = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of schemas) {
      if (found.has(s.id) || checkExpression(s.type, "value", names, 0, found) !== "true") continue;
      found.add(s.id);
      grew = true;
    }
  }
  return found;
}

function structuralGuard(schema: NamedSchema, own: SchemaNames, names: NameTable, trivial: ReadonlySet<string>): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: own.guard!,
    isExported: true,
    leadingTrivia: guardDocs(`True when \`value\` has the shape of {@link ${own.type}}: checked deeply, without formats, patterns or ranges.`),
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${own.type}`,
    statements: `return ${checkExpression(schema.type, "value", names, 0, trivial)};`,
  };
}

const variantCases = (discriminator: Discriminator, names: NameTable, body: (variant: SchemaNames, value: Literal) => string): string =>
  discriminator.variants
    .flatMap((variant) => variant.values.map((value) => `case ${literalText(value)}: ${body(checkedNames(names.schemas.get(variant.target)!), value)}`))
    .join("\n");

function discriminatedGuard(discriminator: Discriminator, own: SchemaNames, names: NameTable): FunctionDeclarationStructure {
  const tag = propertyAccess("value", discriminator.property);
  return {
    kind: StructureKind.Function,
    name: own.guard!,
    isExported: true,
    leadingTrivia: guardDocs(
      `True when \`value\` is one of the variants of {@link ${own.type}}: its \`${discriminator.property}\` is a known value and the matching variant's shape holds. ` +
        `An unknown \`${discriminator.property}\` (a variant newer than this client) gives false.`,
    ),
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${own.type}`,
    statements: [
      "if (!isRecord(value)) return false;",
      `switch (${tag}) {\n${variantCases(discriminator, names, (variant) => `return ${variant.guard!}(value);`)}\ndefault: return false;\n}`,
    ],
  };
}

function matchFunction(discriminator: Discriminator, own: SchemaNames, names: NameTable): FunctionDeclarationStructure {
  const tag = propertyAccess("value", discriminator.property);
  const handlerType = discriminator.variants
    .flatMap((variant) => variant.values.map((value) => `readonly ${propertyKey(String(value))}: (value: ${identifier(names.schemas.get(variant.target)!.type)}) => R;`))
    .join("\n");
  const property = stringLiteral(discriminator.property);
  return {
    kind: StructureKind.Function,
    name: own.match!,
    isExported: true,
    leadingTrivia: guardDocs(
      `Calls the handler for \`value\`'s variant. The handlers object must name every variant, so adding one to the spec is a compile error here. ` +
        `A value whose \`${discriminator.property}\` is unknown at run time throws {@link UnknownVariantError}.`,
    ),
    typeParameters: ["R"],
    parameters: [
      { name: "value", type: own.type },
      { name: "handlers", type: `{\n${handlerType}\n}` },
    ],
    returnType: "R",
    statements: [
      `switch (${tag}) {\n${variantCases(discriminator, names, (_variant, value) => `return handlers[${stringLiteral(String(value))}](value);`)}\n` +
        `default: throw new UnknownVariantError(${stringLiteral(own.type)}, ${property}, ${propertyAccess(`(value as { readonly ${propertyKey(discriminator.property)}?: unknown })`, discriminator.property)});\n}`,
    ],
  };
}

function valuesStatement(discriminator: Discriminator, own: SchemaNames, name: string): VariableStatementStructure {
  const values = discriminator.variants.flatMap((v) => v.values.map(literalText));
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    leadingTrivia: guardDocs(`Every \`${discriminator.property}\` of {@link ${own.type}}, in spec order.`),
    declarations: [{ name, initializer: `[${values.join(", ")}] as const` }],
  };
}
