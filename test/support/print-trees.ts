import fc from "fast-check";
import type { Expr, Param, Stmt, TypeMember, TypeTree } from "../../generator/emit/print/tree.js";

/**
 * Random print trees for the printer's property test: the kinds of types, expressions and
 * statements the emitters build, with names from short to far too long, so that every layout
 * (flat, broken once, broken all the way) is reached.
 */
const name = (prefix: string): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max: 70 }).map((n) => `${prefix}${"abcdefghij".repeat(8).slice(0, n)}`);
const typeName = name("T");
const key = fc.oneof(name("k"), fc.constantFrom("x-api-key", "200", "__proto__", "a b"));
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('say "hi"', "it's", 'a"b\'c"', "back\\slash", ""));
/** Records without their undefined fields, as exactOptionalPropertyTypes wants them. */
const defined = <T>(record: object): T => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;

const doc = fc.option(fc.array(fc.oneof(text, fc.constant("A longer description.\nWith a second line.")), { minLength: 1, maxLength: 2 }), {
  nil: undefined,
});

const keyword = fc.constantFrom("string", "number", "boolean", "unknown", "null", "undefined", "Blob");
const literal: fc.Arbitrary<TypeTree> = fc.oneof(
  text.map((value) => ({ kind: "literal" as const, value })),
  fc
    .oneof(fc.integer({ min: -1000, max: 100000 }), fc.constant(1e21), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .map((value) => ({
      kind: "literal" as const,
      value,
    })),
);

export const typeTree: fc.Arbitrary<TypeTree> = fc
  .letrec<{ type: TypeTree }>((tie) => ({
    type: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      keyword.map((n) => ({ kind: "name" as const, name: n })),
      typeName.map((n) => ({ kind: "name" as const, name: n })),
      literal,
      fc.record({ kind: fc.constant("name" as const), name: typeName, args: fc.array(tie("type"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant("union" as const), members: fc.array(tie("type"), { minLength: 2, maxLength: 6 }) }),
      fc.record({ kind: fc.constant("intersection" as const), members: fc.array(tie("type"), { minLength: 2, maxLength: 3 }) }),
      fc.record({ kind: fc.constant("array" as const), element: tie("type") }),
      fc
        .record({
          kind: fc.constant("tuple" as const),
          elements: fc.array(tie("type"), { maxLength: 3 }),
          rest: fc.option(tie("type"), { nil: undefined }),
        })
        .map((t) => defined<TypeTree>(t)),
      fc.record({ kind: fc.constant("object" as const), members: fc.array(member(tie("type")), { maxLength: 4 }) }),
    ),
  }))
  .type.map(normalize);

function member(type: fc.Arbitrary<TypeTree>): fc.Arbitrary<TypeMember> {
  return fc
    .oneof(
      fc.record({ kind: fc.constant("property" as const), key, optional: fc.boolean(), type, doc }),
      fc.record({ kind: fc.constant("index" as const), keyName: fc.constant("key"), type, doc }),
    )
    .map((m) => defined<TypeMember>(m));
}

/** Unions and intersections as the emitters build them: no member of the same kind, no `rest: undefined` key. */
function normalize(t: TypeTree): TypeTree {
  switch (t.kind) {
    case "union":
    case "intersection": {
      const members = t.members.map(normalize).flatMap((m) => (m.kind === t.kind ? m.members : [m]));
      return { kind: t.kind, members };
    }
    case "name":
      return t.args ? { ...t, args: t.args.map(normalize) } : t;
    case "array":
      return { kind: "array", element: normalize(t.element) };
    case "tuple":
      return t.rest
        ? { kind: "tuple", elements: t.elements.map(normalize), rest: normalize(t.rest) }
        : { kind: "tuple", elements: t.elements.map(normalize) };
    case "object":
      return { kind: "object", members: t.members.map((m) => ({ ...m, type: normalize(m.type) })) };
    default:
      return t;
  }
}

const ident = name("v");
const idExpr = ident.map((n): Expr => ({ kind: "id", name: n }));
const stringExpr = text.map((value): Expr => ({ kind: "string", value }));
const numberExpr = fc.integer({ min: -5000, max: 5000 }).map((value): Expr => ({ kind: "number", value }));

/** Values the checks look at: `value`, `value.a.b`, `f(value)`, `value["x-y"]`. */
const value: fc.Arbitrary<Expr> = fc.letrec<{ value: Expr }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    idExpr,
    fc.record({ kind: fc.constant("member" as const), object: tie("value"), property: fc.oneof(ident, key) }),
    fc.record({ kind: fc.constant("call" as const), callee: idExpr, args: fc.array(tie("value"), { maxLength: 2 }) }),
  ),
})).value;

/** The boolean expressions guards are made of. */
const expr: fc.Arbitrary<Expr> = fc
  .letrec<{ check: Expr }>((tie) => ({
    check: fc.oneof(
      { depthSize: "small" },
      fc.record({
        kind: fc.constant("binary" as const),
        operator: fc.constantFrom("===" as const, ">=" as const),
        left: value,
        right: fc.oneof(stringExpr, numberExpr, idExpr),
      }),
      fc.record({ kind: fc.constant("binary" as const), operator: fc.constant("in" as const), left: stringExpr, right: value }),
      value.map((v): Expr => ({
        kind: "binary",
        operator: "===",
        left: { kind: "unary", operator: "typeof", argument: v },
        right: { kind: "string", value: "string" },
      })),
      fc.record({ kind: fc.constant("unary" as const), operator: fc.constant("!" as const), argument: tie("check") }),
      fc.record({
        kind: fc.constant("logical" as const),
        operator: fc.constantFrom("&&" as const, "||" as const),
        operands: fc.array(tie("check"), { minLength: 2, maxLength: 5 }),
      }),
      fc.record({ kind: fc.constant("call" as const), callee: idExpr, args: fc.tuple(value) }),
      fc.record({
        kind: fc.constant("call" as const),
        callee: fc
          .oneof(
            value,
            fc.array(numberExpr, { minLength: 1, maxLength: 8 }).map((elements): Expr => ({ kind: "array", elements })),
          )
          .map((object): Expr => ({ kind: "member", object, property: "every" })),
        args: fc.tuple(
          fc.oneof(
            value,
            fc.record({
              kind: fc.constant("arrow" as const),
              params: fc.constantFrom<Param[]>(
                [{ name: "item0", type: { kind: "name", name: "unknown" } }],
                [{ name: "entry1" }],
                [{ name: ["key0", "entry0"] }],
              ),
              body: fc.oneof(tie("check"), fc.record({ kind: fc.constant("call" as const), callee: idExpr, args: fc.tuple(value) })),
            }),
          ),
        ),
      }),
    ),
  }))
  .check.map(flattenChains);

/** The object a generated operation hands to request(): values, nested objects, calls of objects, template literals. */
const requestObject: fc.Arbitrary<Expr> = fc.letrec<{ object: Expr; field: Expr }>((tie) => ({
  object: fc.record({
    kind: fc.constant("object" as const),
    properties: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("property" as const), key, value: tie("field") }),
        fc.record({
          kind: fc.constant("spread" as const),
          argument: fc.oneof(value, fc.record({ kind: fc.constant("call" as const), callee: idExpr, args: fc.tuple(stringExpr, value) })),
        }),
      ),
      { maxLength: 5 },
    ),
    expanded: fc.boolean(),
  }),
  field: fc.oneof(
    { depthSize: "small" },
    value,
    stringExpr,
    numberExpr,
    fc.constantFrom<Expr>({ kind: "id", name: "true" }),
    fc.record({
      kind: fc.constant("template" as const),
      quasis: fc.tuple(text, text),
      expressions: fc.tuple(fc.record({ kind: fc.constant("call" as const), callee: idExpr, args: fc.tuple(value) })),
    }),
    tie("object"),
    fc.record({
      kind: fc.constant("call" as const),
      callee: idExpr,
      args: fc.array(fc.oneof(tie("object"), value, stringExpr), { maxLength: 2 }),
    }),
    // A client method: `key: (params: P, options?: RequestOptions) => fn(params, withDefaults(defaults, options))`.
    fc.record({
      kind: fc.constant("arrow" as const),
      params: fc
        .tuple(typeName, fc.boolean())
        .map(([t, optional]): Param[] => [
          optional
            ? { name: "params", type: { kind: "name", name: t }, initializer: { kind: "object", properties: [] } }
            : { name: "params", type: { kind: "name", name: t } },
          { name: "options", optional: true, type: { kind: "name", name: "RequestOptions" } },
        ]),
      body: idExpr.map((callee): Expr => ({
        kind: "call",
        callee,
        args: [
          { kind: "id", name: "params" },
          {
            kind: "call",
            callee: { kind: "id", name: "withDefaults" },
            args: [
              { kind: "id", name: "defaults" },
              { kind: "id", name: "options" },
            ],
          },
        ],
      })),
    }),
    fc
      .array(
        fc.array(stringExpr, { minLength: 1, maxLength: 2 }).map((elements): Expr => ({ kind: "array", elements })),
        { minLength: 1, maxLength: 3 },
      )
      .map((elements): Expr => ({ kind: "call", callee: { kind: "id", name: "security" }, args: [{ kind: "array", elements }] })),
  ),
})).object;

function flattenChains(e: Expr): Expr {
  switch (e.kind) {
    case "logical": {
      const operands = e.operands.map(flattenChains).flatMap((o) => (o.kind === "logical" && o.operator === e.operator ? o.operands : [o]));
      return { kind: "logical", operator: e.operator, operands };
    }
    case "binary":
      return { ...e, left: flattenChains(e.left), right: flattenChains(e.right) };
    case "unary":
      return { ...e, argument: flattenChains(e.argument) };
    case "call":
      return { ...e, args: e.args.map(flattenChains) };
    case "member":
      return { ...e, object: flattenChains(e.object) };
    case "arrow":
      return { ...e, body: flattenChains(e.body) };
    default:
      return e;
  }
}

/** A statement of each kind the emitters write. */
export const statement: fc.Arbitrary<Stmt> = fc
  .oneof(
    fc.record({ kind: fc.constant("typeAlias" as const), name: typeName, type: typeTree, exported: fc.constant(true), doc }),
    fc.record({
      kind: fc.constant("interface" as const),
      name: typeName,
      members: fc.array(member(typeTree), { maxLength: 4 }),
      exported: fc.constant(true),
      doc,
    }),
    fc.record({
      kind: fc.constant("function" as const),
      name: ident,
      params: fc.constant<Param[]>([{ name: "value", type: { kind: "name", name: "unknown" } }]),
      returns: typeName.map((n): TypeTree => ({ kind: "predicate", param: "value", type: { kind: "name", name: n } })),
      body: expr.map((argument): Stmt[] => [{ kind: "return", argument }]),
      exported: fc.constant(true),
      doc,
    }),
    fc.record({
      kind: fc.constant("const" as const),
      name: ident,
      value: fc
        .array(
          fc.oneof(
            text.map((value): Expr => ({ kind: "string", value })),
            fc.integer().map((value): Expr => ({ kind: "number", value })),
          ),
          { maxLength: 30 },
        )
        .map((elements): Expr => ({ kind: "as", expression: { kind: "array", elements }, type: { kind: "name", name: "const" } })),
      exported: fc.constant(true),
    }),
    fc.record({ kind: fc.constant("const" as const), name: ident, value: requestObject }),
    fc
      .record({
        kind: fc.constant("import" as const),
        names: fc.array(fc.record({ name: typeName, typeOnly: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        from: fc.constantFrom("./types.js", "../runtime.js"),
        typeOnly: fc.boolean(),
      })
      .map((s) => (s.typeOnly ? { ...s, names: s.names.map((n) => ({ name: n.name })) } : s)),
  )
  .map((s) => defined<Stmt>(s));
