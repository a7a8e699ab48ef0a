import { describe, expect, it } from "vitest";
import type { TypeNode } from "../generator/ir/model.js";
import type { NameTable } from "../generator/names/plan.js";
import { checkExpression } from "../generator/emit/types/checks.js";
import { typeTree } from "../generator/emit/types/type-tree.js";
import { printDoc } from "../generator/emit/print/doc.js";
import { exprDoc } from "../generator/emit/print/expressions.js";
import { id } from "../generator/emit/print/tree.js";
import { typeDoc } from "../generator/emit/print/types.js";
import { ts } from "./support/compile.js";

const names: NameTable = {
  schemas: new Map([["/components/schemas/Pet", { type: "Pet", guard: "isPet" }]]),
  incoming: {},
  operations: [],
  environments: [],
};
const pet: TypeNode = { kind: "ref", target: "/components/schemas/Pet" };
const str: TypeNode = { kind: "string" };
const nul: TypeNode = { kind: "null" };

/** A type as printed, on one line when it fits. */
const typeText = (node: TypeNode, table: NameTable): string => printDoc(typeDoc(typeTree(node, table)));
/** A check as printed, on one line when it fits. */
const check = (node: TypeNode, value: string): string => printDoc(exprDoc(checkExpression(node, id(value), names)));

describe("typeText", () => {
  it.each<[string, TypeNode, string]>([
    ["unknown, never any", { kind: "unknown" }, "unknown"],
    ["integer", { kind: "integer" }, "number"],
    ["binary", { kind: "binary" }, "Blob"],
    ["string literal, escaped, in the quotes that need fewer escapes", { kind: "literal", value: 'a"b*/' }, "'a\"b*/'"],
    ["null literal", { kind: "literal", value: null }, "null"],
    ["ref by planned name", pet, "Pet"],
    ["nullable", { kind: "union", members: [str, nul] }, "string | null"],
    ["array of union", { kind: "array", items: { kind: "union", members: [str, nul] } }, "(string | null)[]"],
    ["duplicate members collapse", { kind: "union", members: [str, str] }, "string"],
    ["intersection", { kind: "intersection", members: [pet, { kind: "object", properties: [] }] }, "Pet & {}"],
    ["record", { kind: "object", properties: [], additional: str }, "{ [key: string]: string }"],
    [
      "optional property and odd key",
      { kind: "object", properties: [{ name: "a-b", type: str, required: false, doc: {}, pointer: "" }] },
      '{ "a-b"?: string }',
    ],
    [
      "documented property, one per line",
      { kind: "object", properties: [{ name: "a", type: str, required: true, doc: { description: "The a." }, pointer: "" }] },
      "{\n  /** The a. */\n  a: string;\n}",
    ],
    [
      "intersection alone in a union",
      { kind: "union", members: [{ kind: "intersection", members: [str, { kind: "number" }] }] },
      "string & number",
    ],
  ])("%s", (_label, node, expected) => expect(typeText(node, names)).toBe(expected));
});

describe("checkExpression", () => {
  it.each<[string, TypeNode, string]>([
    ["string", str, 'typeof v === "string"'],
    ["integer", { kind: "integer" }, "Number.isInteger(v)"],
    ["ref calls the named guard", pet, "isPet(v)"],
    ["array", { kind: "array", items: str }, 'Array.isArray(v) && v.every((item0: unknown) => typeof item0 === "string")'],
    [
      "optional property may be absent, never undefined",
      { kind: "object", properties: [{ name: "n", type: str, required: false, doc: {}, pointer: "" }] },
      'isRecord(v) && (!("n" in v) || typeof v.n === "string")',
    ],
    [
      "required unknown property must be present",
      { kind: "object", properties: [{ name: "x-y", type: { kind: "unknown" }, required: true, doc: {}, pointer: "" }] },
      'isRecord(v) && "x-y" in v',
    ],
  ])("%s", (_label, node, expected) => expect(check(node, "v")).toBe(expected));

  it("checks behave at run time", () => {
    const isRecord = (value: unknown): value is Record<string, unknown> =>
      typeof value === "object" && value !== null && !Array.isArray(value);
    const node: TypeNode = {
      kind: "object",
      properties: [
        { name: "kind", type: { kind: "literal", value: "cat" }, required: true, doc: {}, pointer: "" },
        { name: "tags", type: { kind: "array", items: str }, required: false, doc: {}, pointer: "" },
      ],
      additional: { kind: "number" },
    };
    const js = ts.transpileModule(`return ${check(node, "v")};`, {}).outputText;
    const run = new Function("isRecord", "v", js) as (r: typeof isRecord, v: unknown) => boolean;
    expect(run(isRecord, { kind: "cat" })).toBe(true);
    expect(run(isRecord, { kind: "cat", tags: ["a"], extra: 1 })).toBe(true);
    expect(run(isRecord, { kind: "cat", extra: "x" })).toBe(false);
    expect(run(isRecord, { kind: "dog" })).toBe(false);
    expect(run(isRecord, { kind: "cat", tags: [1] })).toBe(false);
    expect(run(isRecord, { kind: "cat", tags: undefined })).toBe(false);
    expect(run(isRecord, [])).toBe(false);
  });
});
