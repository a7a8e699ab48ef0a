import { guardedSchemas } from "../../ir/guarded.js";
import { discriminatorCases, type DiscriminatorCase } from "../../ir/discriminator-cases.js";
import type { Api, Discriminator, Literal, NamedSchema } from "../../ir/model.js";
import type { NameTable, SchemaNames } from "../../names/plan.js";
import { call, id, member, named, str, type Expr, type Stmt, type SwitchCase } from "../print/tree.js";
import { identifier } from "../escape.js";
import { checkExpression, isTrue } from "./checks.js";
import { webhookGuardsStatement } from "./incoming.js";

export interface GuardModule {
  statements: Stmt[];
  /** Type names the guards refer to, for the import from types.ts. */
  typeImports: string[];
  usesUnknownVariantError: boolean;
}

/**
 * Runtime guards for every union and the schemas its members reach, plus, for discriminated
 * unions, the list of discriminator values and an exhaustive `match`.
 */
export function guardModule(api: Api, names: NameTable): GuardModule {
  const statements: Stmt[] = [];
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
  const webhookGuards = webhookGuardsStatement(api, names);
  if (webhookGuards !== undefined) statements.push(webhookGuards);
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

/** Schemas whose check is `true` (unknown, or only refs and unions reaching unknown), to a fixpoint. */
function admitsAnything(schemas: NamedSchema[], names: NameTable): ReadonlySet<string> {
  const found = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const s of schemas) {
      if (found.has(s.id) || !isTrue(checkExpression(s.type, id("value"), names, 0, found))) continue;
      found.add(s.id);
      grew = true;
    }
  }
  return found;
}

/** `export function isX(value: unknown): value is X { ...body }` */
const guardFunction = (doc: string, own: SchemaNames, body: Stmt[]): Stmt => ({
  kind: "function",
  exported: true,
  doc: [doc],
  name: own.guard!,
  params: [{ name: "value", type: named("unknown") }],
  returns: { kind: "predicate", param: "value", type: named(own.type) },
  body,
});

function structuralGuard(schema: NamedSchema, own: SchemaNames, names: NameTable, trivial: ReadonlySet<string>): Stmt {
  return guardFunction(
    `True when \`value\` has the shape of {@link ${own.type}}: checked deeply, without formats, patterns or ranges.`,
    own,
    [{ kind: "return", argument: checkExpression(schema.type, id("value"), names, 0, trivial) }],
  );
}

/** One call, or several joined by `||`. */
const anyOf = (calls: Expr[]): Expr => (calls.length === 1 ? calls[0]! : { kind: "logical", operator: "||", operands: calls });

const literal = (value: Literal): Expr =>
  typeof value === "string" ? str(value) : typeof value === "number" ? { kind: "number", value } : id(String(value));

/** The variants of one case (usually one; several when they share the value), their names escaped. */
const caseVariants = (c: DiscriminatorCase, names: NameTable): SchemaNames[] => c.targets.map((t) => checkedNames(names.schemas.get(t)!));

/** The cases of a switch over the discriminator, one per value, then `default:` with its statement. */
const variantCases = (discriminator: Discriminator, body: (c: DiscriminatorCase) => Stmt, otherwise: Stmt): SwitchCase[] => [
  ...discriminatorCases(discriminator).map((c) => ({ test: literal(c.value), body: [body(c)] })),
  { body: [otherwise] },
];

function discriminatedGuard(discriminator: Discriminator, own: SchemaNames, names: NameTable): Stmt {
  return guardFunction(
    `True when \`value\` is one of the variants of {@link ${own.type}}: its \`${discriminator.property}\` is a known value and the matching variant's shape holds. ` +
      `An unknown \`${discriminator.property}\` (a variant newer than this client) gives false.`,
    own,
    [
      {
        kind: "if",
        test: { kind: "unary", operator: "!", argument: call("isRecord", [id("value")]) },
        consequent: { kind: "return", argument: id("false") },
      },
      {
        kind: "switch",
        discriminant: member("value", discriminator.property),
        // Variants that share a value are told apart by their shapes.
        cases: variantCases(
          discriminator,
          (c) => ({ kind: "return", argument: anyOf(caseVariants(c, names).map((v) => call(v.guard!, [id("value")]))) }),
          {
            kind: "return",
            argument: id("false"),
          },
        ),
      },
    ],
  );
}

function matchFunction(discriminator: Discriminator, own: SchemaNames, names: NameTable): Stmt {
  // A value that several variants share has one handler, which takes any of them.
  const handlers = discriminatorCases(discriminator).map((c) => {
    const variants = caseVariants(c, names).map((v) => named(v.type));
    return {
      kind: "property" as const,
      readonly: true,
      key: String(c.value),
      type: {
        kind: "function" as const,
        params: [{ name: "value", type: variants.length === 1 ? variants[0]! : { kind: "union" as const, members: variants } }],
        returns: named("R"),
      },
    };
  });
  const tagOfUnknown = member(
    {
      kind: "as",
      expression: id("value"),
      type: {
        kind: "object",
        members: [{ kind: "property", readonly: true, optional: true, key: discriminator.property, type: named("unknown") }],
      },
    },
    discriminator.property,
  );
  return {
    kind: "function",
    exported: true,
    doc: [
      `Calls the handler for \`value\`'s variant. The handlers object must name every variant, so adding one to the spec is a compile error here. ` +
        `A value whose \`${discriminator.property}\` is unknown at run time throws {@link UnknownVariantError}.`,
    ],
    name: own.match!,
    typeParams: ["R"],
    params: [
      { name: "value", type: named(own.type) },
      // Always one handler per line, as the code reads best.
      { name: "handlers", type: { kind: "object", members: handlers, expanded: true } },
    ],
    returns: named("R"),
    body: [
      {
        kind: "switch",
        discriminant: member("value", discriminator.property),
        cases: variantCases(
          discriminator,
          (c) => ({
            kind: "return",
            argument: call({ kind: "index", object: id("handlers"), index: str(String(c.value)) }, [id("value")]),
          }),
          {
            kind: "throw",
            argument: {
              kind: "call",
              new: true,
              callee: id("UnknownVariantError"),
              args: [str(own.type), str(discriminator.property), tagOfUnknown],
            },
          },
        ),
      },
    ],
  };
}

function valuesStatement(discriminator: Discriminator, own: SchemaNames, name: string): Stmt {
  return {
    kind: "const",
    exported: true,
    doc: [`Every \`${discriminator.property}\` of {@link ${own.type}}, in spec order.`],
    name,
    value: {
      kind: "as",
      expression: { kind: "array", elements: discriminatorCases(discriminator).map((c) => literal(c.value)) },
      type: named("const"),
    },
  };
}
