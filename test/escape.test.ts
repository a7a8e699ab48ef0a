import { describe, expect, it } from "vitest";
import { ts } from "./support/compile.js";
import {
  docComment,
  docText,
  identifier,
  lineCommentText,
  literalText,
  propertyKey,
  stringLiteral,
  templateText,
} from "../generator/emit/escape.js";
import { utils } from "prettier/doc";
import { printDoc } from "../generator/emit/print/doc.js";
import { exprDoc } from "../generator/emit/print/expressions.js";
import { member } from "../generator/emit/print/tree.js";

/** Evaluates generated JavaScript text as an expression, in the global scope. */
const evaluate = (code: string): unknown => (0, eval)(code) as unknown;

/** Everything that could end a string, a template, a comment or a line. */
const HOSTILE =
  "a */ b /* c \" d ' e ` f ${g} h \\ i \u2028 j \u2029 k \u0000 l \r\n m \\u0041 n \\${ o \\` p </script> q $${ r ** / s */*/ t \u001b[31m u \u007f";
/** More than 100 KB of hostile text. */
const BIG = HOSTILE.repeat(Math.ceil(102_400 / HOSTILE.length) + 1);
const LONE_SURROGATES = "x\uD800y\uDFFFz";

const HOSTILE_ROWS = [
  { given: "hostile", value: HOSTILE },
  { given: "100 KB", value: BIG },
  { given: "lone surrogates", value: LONE_SURROGATES },
  { given: "empty", value: "" },
];

it("the hostile inputs hold what they should", () => {
  for (const part of ["*/", "/*", '"', "'", "`", "${", "\\", "\u2028", "\u2029", "\u0000", "\r", "\n"]) expect(HOSTILE).toContain(part);
  expect(BIG.length).toBeGreaterThan(100 * 1024);
});

const RAW_LINE_ENDS = /[\n\r\u2028\u2029]/;

describe("stringLiteral", () => {
  it.each([
    { given: "plain", want: '"plain"' },
    { given: 'say "hi"', want: "'say \"hi\"'" },
    { given: `it's "x"`, want: "'it\\'s \"x\"'" },
    { given: `it's`, want: '"it\'s"' },
    { given: "a\\b", want: '"a\\\\b"' },
    { given: "it's", want: '"it\'s"' },
    { given: "\u0000", want: '"\\u0000"' },
    { given: "\u2028", want: '"\\u2028"' },
    { given: "\u2029", want: '"\\u2029"' },
    { given: "a\nb\r\tc", want: '"a\\nb\\r\\tc"' },
    { given: "`${x}`", want: '"`${x}`"' },
    { given: "</script>", want: '"</script>"' },
    { given: "", want: '""' },
  ])("stringLiteral($given) = $want", ({ given, want }) => {
    expect(stringLiteral(given)).toBe(want);
  });

  it.each(HOSTILE_ROWS)("$given: eval round-trips, no raw line ends or NUL", ({ value }) => {
    const literal = stringLiteral(value);
    expect(evaluate(literal)).toBe(value);
    expect(literal).not.toMatch(RAW_LINE_ENDS);
    expect(literal).not.toContain("\u0000");
    expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  });
});

describe("templateText", () => {
  it.each([
    { given: "a`b", want: "a\\`b" },
    { given: "${x}", want: "\\${x}" },
    { given: "$x {y}", want: "$x {y}" },
    { given: "a\\b", want: "a\\\\b" },
    { given: '"q"', want: '"q"' },
    { given: "\\`", want: "\\\\\\`" },
    { given: "\\${", want: "\\\\\\${" },
    { given: "$${", want: "$\\${" },
    { given: "\u2028\u0000", want: "\\u2028\\u0000" },
    { given: "line\nnext", want: "line\\nnext" },
  ])("templateText($given) = $want", ({ given, want }) => {
    expect(templateText(given)).toBe(want);
  });

  it.each([
    ...HOSTILE_ROWS,
    { given: "backslash before quote", value: '\\"' },
    { given: "trailing dollar", value: "a$" },
    { given: "trailing backslash", value: "a\\" },
    { given: "braces", value: "}{${}" },
  ])("$given: eval of the template literal round-trips", ({ value }) => {
    const text = templateText(value);
    expect(evaluate("`" + text + "`")).toBe(value);
    expect(evaluate("`/items/" + text + "/x`")).toBe(`/items/${value}/x`);
    expect(text).not.toMatch(RAW_LINE_ENDS);
  });
});

describe("literalText", () => {
  it.each<{ given: string | number | boolean | null; want: string }>([
    { given: "x", want: '"x"' },
    { given: 'a"b', want: "'a\"b'" },
    { given: "\u2028", want: '"\\u2028"' },
    { given: 42, want: "42" },
    { given: -1.5, want: "-1.5" },
    { given: 1e21, want: "1e21" },
    { given: true, want: "true" },
    { given: false, want: "false" },
    { given: null, want: "null" },
  ])("literalText($given) = $want", ({ given, want }) => {
    expect(literalText(given)).toBe(want);
    expect(evaluate(want)).toBe(given);
  });

  it.each(HOSTILE_ROWS)("$given: same as stringLiteral and round-trips", ({ value }) => {
    expect(literalText(value)).toBe(stringLiteral(value));
    expect(evaluate(literalText(value))).toBe(value);
  });
});

describe("propertyKey", () => {
  it.each([
    { given: "name", want: "name" },
    { given: "$ref", want: "$ref" },
    { given: "_private", want: "_private" },
    { given: "a1", want: "a1" },
    { given: "a-b", want: '"a-b"' },
    { given: "a b", want: '"a b"' },
    { given: "123", want: '"123"' },
    { given: "", want: '""' },
    { given: "café", want: "café" },
    { given: "__proto__", want: '["__proto__"]' },
    { given: 'q"*/', want: "'q\"*/'" },
  ])("propertyKey($given) = $want", ({ given, want }) => {
    expect(propertyKey(given)).toBe(want);
  });

  it.each([...HOSTILE_ROWS, { given: "__proto__", value: "__proto__" }, { given: "constructor", value: "constructor" }])(
    "$given: an object literal with the key has exactly that own property",
    ({ value }) => {
      const object = evaluate(`({ ${propertyKey(value)}: 1 })`) as Record<string, unknown>;
      expect(Object.keys(object)).toEqual([value]);
      expect(object[value]).toBe(1);
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(propertyKey(value)).not.toMatch(RAW_LINE_ENDS);
    },
  );
});

/** A property read as the printer writes it, on one line. */
const propertyAccess = (target: string, name: string): string =>
  printDoc(utils.removeLines(exprDoc(member({ kind: "id", name: target }, name))));

describe("propertyAccess", () => {
  it.each([
    { target: "v", name: "name", want: "v.name" },
    { target: "params.body", name: "x", want: "params.body.x" },
    { target: "v", name: "$ref", want: "v.$ref" },
    { target: "v", name: "a-b", want: 'v["a-b"]' },
    { target: "v", name: "0", want: 'v["0"]' },
    { target: "v", name: "__proto__", want: 'v["__proto__"]' },
    { target: "v", name: "\u2028", want: 'v["\\u2028"]' },
  ])("propertyAccess($target, $name) = $want", ({ target, name, want }) => {
    expect(propertyAccess(target, name)).toBe(want);
  });

  it.each([...HOSTILE_ROWS, { given: "__proto__", value: "__proto__" }])("$given: reads the own property of that name", ({ value }) => {
    const object = JSON.parse(JSON.stringify({ [value]: 42 })) as unknown;
    const read = new Function("v", `return ${propertyAccess("v", value)};`) as (v: unknown) => unknown;
    expect(read(object)).toBe(42);
    expect(propertyAccess("v", value)).not.toMatch(RAW_LINE_ENDS);
  });
});

describe("identifier", () => {
  it.each(["foo", "Foo2", "$", "_x", "$ref", "café", "日本", "a\u200Cb"])("identifier(%j) is returned unchanged", (name) => {
    expect(identifier(name)).toBe(name);
  });

  it.each([
    { given: "empty", value: "" },
    { given: "leading digit", value: "1a" },
    { given: "dash", value: "a-b" },
    { given: "space", value: "a b" },
    { given: "comment end", value: "*/" },
    { given: "line separator", value: "a\u2028" },
    { given: "quote", value: 'a"' },
    { given: "hostile", value: HOSTILE },
    { given: "100 KB", value: BIG },
  ])("identifier($given) throws", ({ value }) => {
    expect(() => identifier(value)).toThrow(new Error(`Not an identifier: ${JSON.stringify(value)}`));
  });
});

/** What a JS parser sees: the comment must close where we think, so the code after it runs. */
const commentIsClosed = (comment: string): boolean => evaluate(`${comment}\n"after"`) === "after";

describe("docText", () => {
  it.each<{ given: string; want: string[] }>([
    { given: "plain", want: ["plain"] },
    { given: "a */ b", want: ["a *\\/ b"] },
    { given: "**/", want: ["**\\/"] },
    { given: "*/*/", want: ["*\\/*\\/"] },
    { given: "/* opens", want: ["/* opens"] },
    { given: "a\nb", want: ["a", "b"] },
    { given: "a\r\nb", want: ["a", "b"] },
    { given: "a\rb", want: ["a", "b"] },
    { given: "a\u2028b", want: ["a", "b"] },
    { given: "a\u2029b", want: ["a", "b"] },
    { given: "x\u0000y", want: ["x\\u0000y"] },
    { given: "\u001b[31mred", want: ["\\u001b[31mred"] },
    { given: "del\u007f", want: ["del\\u007f"] },
    { given: "form\u000cfeed\u000bvt", want: ["form\\u000cfeed\\u000bvt"] },
    { given: "tab\tkept", want: ["tab\tkept"] },
    { given: "trailing   \nspace", want: ["trailing", "space"] },
    { given: '`${x}` "q" \\', want: ['`${x}` "q" \\'] },
  ])("docText($given)", ({ given, want }) => {
    expect(docText(given)).toEqual(want);
  });

  it.each(HOSTILE_ROWS)("$given: no line holds a comment end, a line end or a control character", ({ value }) => {
    const lines = docText(value);
    for (const line of lines) {
      expect(line).not.toContain("*/");
      expect(line).not.toMatch(RAW_LINE_ENDS);
      expect(line).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    }
  });
});

describe("docComment", () => {
  it.each<{ given: (string | undefined)[]; want: string }>([
    { given: ["x"], want: "/** x */" },
    { given: ["  padded  "], want: "/** padded */" },
    { given: ["ends with */"], want: "/** ends with *\\/ */" },
    { given: ["a\u0000b"], want: "/** a\\u0000b */" },
    { given: [], want: "" },
    { given: [undefined, "", "  \n  "], want: "" },
    { given: [undefined, "only"], want: "/** only */" },
    { given: ["a", "b"], want: "/**\n * a\n *\n * b\n */" },
    { given: ["a\n\nb"], want: "/**\n * a\n *\n * b\n */" },
    { given: ["line1\u2028line2"], want: "/**\n * line1\n * line2\n */" },
    { given: ["p1\u2029p2"], want: "/**\n * p1\n * p2\n */" },
    { given: ["Summary", "Body with */ inside"], want: "/**\n * Summary\n *\n * Body with *\\/ inside\n */" },
  ])("docComment($given)", ({ given, want }) => {
    expect(docComment(given)).toBe(want);
    if (want !== "") expect(commentIsClosed(want)).toBe(true);
  });

  it.each(HOSTILE_ROWS.filter((row) => row.value !== ""))("$given: the comment closes only at its end", ({ value }) => {
    for (const paragraphs of [[value], ["Summary", value, value]]) {
      const comment = docComment(paragraphs);
      expect(comment.startsWith("/**")).toBe(true);
      expect(comment.endsWith("*/")).toBe(true);
      expect(comment.slice(3, -2)).not.toContain("*/");
      expect(comment).not.toMatch(/[\r\u2028\u2029\u0000]/);
      expect(commentIsClosed(comment)).toBe(true);
    }
  });
});

describe("lineCommentText", () => {
  it.each([
    { given: "plain", want: "plain" },
    { given: "a\nb", want: "a b" },
    { given: "a\r\nb", want: "a  b" },
    { given: "a\u2028b\u2029c", want: "a b c" },
    { given: '*/ /* `${x}` "q" \\', want: '*/ /* `${x}` "q" \\' },
  ])("lineCommentText($given) = $want", ({ given, want }) => {
    expect(lineCommentText(given)).toBe(want);
  });

  it.each(HOSTILE_ROWS)("$given: the comment ends at the end of its line", ({ value }) => {
    const text = lineCommentText(value);
    expect(text).not.toMatch(RAW_LINE_ENDS);
    expect(evaluate(`// ${text}\n"after"`)).toBe("after");
  });
});

describe("a regex pattern in a doc comment", () => {
  // Patterns are full of `*/` and `/*` (`^[a-z]*/[0-9]+$`, `^/*$`); the comment must survive them all.
  it.each(["^[a-z]*/[0-9]+$", "^/*\\*/$", "(?<x>a|b)*/\\u2028${y}`", "[^*/]+\u2028*/"])("%j stays one comment", (pattern) => {
    const comment = docComment([`Pattern: ${pattern}`]);
    const source = ts.createSourceFile("p.ts", `${comment}\nexport const x = 1;\n`, ts.ScriptTarget.ES2022, true);
    expect(source.statements).toHaveLength(1);
    expect(ts.getLeadingCommentRanges(source.text, 0)).toHaveLength(1);
  });
});
