import { guardedSchemas } from "../../ir/guarded.js";
import type { Api, Discriminator, Literal, NamedSchema } from "../../ir/model.js";
import type { NameTable, SchemaNames } from "../../names/plan.js";
import { docComment, identifier, literalText, propertyAccess, propertyKey, stringLiteral } from "../escape.js";
import { bracketed, functionHead, returnChain } from "../layout.js";
import { checkExpression } from "./checks.js";
import { topLevelOperands } from "./top-level.js";

export interface GuardModule {
  /** Each statement's text in prettier's layout (a line still too long is left to prettier). */
  statements: string[];
  /** Type names the guards refer to, for the import from types.ts. */
  typeImports: string[];
  usesUnknownVariantError: boolean;
}

/**
 * Runtime guards for every union and the schemas its members reach, plus, for discriminated
 * unions, the list of discriminator values and an exhaustive `match`.
 */
export function guardModule(api: Api, names: NameTable): GuardModule {
  const statements: string[] = [];
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

/** A function: its JSDoc, its head in prettier's layout, its body lines. */
const functionText = (doc: string, head: string, body: string[]): string => `${docComment([doc])}\n${head}\n${body.join("\n")}\n}`;

/** Schemas whose check is `true` (unknown, or only refs and unions reaching unknown), to a fixpoint. */
function admitsAnything(schemas: NamedSchema[], names: NameTable): ReadonlySet<string> {
  const found = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const s of schemas) {
      if (found.has(s.id) || checkExpression(s.type, "value", names, 0, found) !== "true") continue;
      found.add(s.id);
      grew = true;
    }
  }
  return found;
}

function structuralGuard(schema: NamedSchema, own: SchemaNames, names: NameTable, trivial: ReadonlySet<string>): string {
  const { operator, operands } = topLevelOperands(checkExpression(schema.type, "value", names, 0, trivial));
  return functionText(
    `True when \`value\` has the shape of {@link ${own.type}}: checked deeply, without formats, patterns or ranges.`,
    functionHead(`export function ${own.guard!}`, ["value: unknown"], `: value is ${own.type}`),
    [returnChain(operands, operator ?? "&&")],
  );
}

/** The cases of a switch over the discriminator, inside a function body. */
const variantCases = (discriminator: Discriminator, names: NameTable, body: (variant: SchemaNames, value: Literal) => string): string[] =>
  discriminator.variants.flatMap((variant) =>
    variant.values.flatMap((value) => [
      `    case ${literalText(value)}:`,
      `      ${body(checkedNames(names.schemas.get(variant.target)!), value)}`,
    ]),
  );

function discriminatedGuard(discriminator: Discriminator, own: SchemaNames, names: NameTable): string {
  const tag = propertyAccess("value", discriminator.property);
  return functionText(
    `True when \`value\` is one of the variants of {@link ${own.type}}: its \`${discriminator.property}\` is a known value and the matching variant's shape holds. ` +
      `An unknown \`${discriminator.property}\` (a variant newer than this client) gives false.`,
    functionHead(`export function ${own.guard!}`, ["value: unknown"], `: value is ${own.type}`),
    [
      "  if (!isRecord(value)) return false;",
      `  switch (${tag}) {`,
      ...variantCases(discriminator, names, (variant) => `return ${variant.guard!}(value);`),
      "    default:",
      "      return false;",
      "  }",
    ],
  );
}

function matchFunction(discriminator: Discriminator, own: SchemaNames, names: NameTable): string {
  const tag = propertyAccess("value", discriminator.property);
  const handlers = discriminator.variants.flatMap((variant) =>
    variant.values.map(
      (value) => `    readonly ${propertyKey(String(value))}: (value: ${identifier(names.schemas.get(variant.target)!.type)}) => R;`,
    ),
  );
  const tagOfUnknown = propertyAccess(`(value as { readonly ${propertyKey(discriminator.property)}?: unknown })`, discriminator.property);
  return functionText(
    `Calls the handler for \`value\`'s variant. The handlers object must name every variant, so adding one to the spec is a compile error here. ` +
      `A value whose \`${discriminator.property}\` is unknown at run time throws {@link UnknownVariantError}.`,
    // The handlers' object type is always expanded, so the parameters always break.
    `export function ${own.match!}<R>(\n  value: ${own.type},\n  handlers: {\n${handlers.join("\n")}\n  },\n): R {`,
    [
      `  switch (${tag}) {`,
      ...variantCases(discriminator, names, (_variant, value) => `return handlers[${stringLiteral(String(value))}](value);`),
      "    default:",
      bracketed(
        "      ",
        "throw new UnknownVariantError(",
        [stringLiteral(own.type), stringLiteral(discriminator.property), tagOfUnknown],
        ");",
      ),
      "  }",
    ],
  );
}

function valuesStatement(discriminator: Discriminator, own: SchemaNames, name: string): string {
  const values = discriminator.variants.flatMap((v) => v.values.map(literalText));
  return `${docComment([`Every \`${discriminator.property}\` of {@link ${own.type}}, in spec order.`])}\n${bracketed("", `export const ${name} = [`, values, "] as const;")}`;
}
