/**
 * Hostile specs: one spec per kind of content, with that content in every position that reaches
 * generated code. Payloads that would run try to set the canary global, so a test can prove that
 * spec text never becomes code: compile the output, run it, and look at the canary.
 */
export const CANARY = "__specforgePwned";
const set = `globalThis.${CANARY}=1`;

/** The kind of content that is also a limit: every breakout, repeated to 100 KB. */
export const LONG_CONTENT = "100 KB";

/** What each position gets, by kind; every breakout a JavaScript or comment context has. */
export const HOSTILE_CONTENTS: Record<string, string> = {
  "comment end": `*/${set};/*`,
  "comment start": `/* ${set} /*`,
  "double quote": `"+(${set})+"`,
  "single quote": `'+(${set})+'`,
  backtick: `\`+(${set})+\``,
  "template substitution": `\${${set}}`,
  backslash: `\\"+(${set})+"\\`,
  "U+2028": `\u2028${set};//`,
  "U+2029": `\u2029${set};//`,
  NUL: `a\u0000${set}\u0000`,
  "line break": `\n${set};//\r\n`,
  [LONG_CONTENT]: `*/ \${${set}} "' \` \\ \u2028 `.repeat(Math.ceil(102_400 / 24)),
};

/** Identifiers a naive generator would mangle into code or into prototype writes. */
export const HOSTILE_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "class",
  "delete",
  "default",
  "await",
  "yield",
  "enum",
  "let",
  "arguments",
  "eval",
  "undefined",
  "NaN",
  "1st",
  "2fa_code",
  "0",
];

type Doc = Record<string, unknown>;

/** A `$ref` to a component whose name is arbitrary text: pointer-escaped, then percent-encoded. */
const refTo = (name: string): string => `#/components/schemas/${encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"))}`;

/** Docs keywords on a schema or parameter, all carrying `text`. */
const documented = (text: string): Doc => ({ title: text, description: text, default: text, example: text, pattern: text });

/** A spec with `text` in every position that reaches output, plus every hostile name. */
export function hostileSpec(text: string): Doc {
  const names = Object.fromEntries(HOSTILE_NAMES.map((name) => [name, { type: "string", description: text }]));
  const variants = ["cat", text];
  return {
    openapi: "3.1.0",
    info: { title: text, version: "1", description: text },
    servers: [
      { url: `https://api.example.com/${text}`, description: text },
      { url: `https://eu.example.com/${text}`, description: `eu ${text}` },
    ],
    tags: [{ name: text, description: text }],
    paths: {
      [`/items/{${text}}/${text}`]: {
        summary: text,
        description: text,
        parameters: [{ name: text, in: "path", required: true, description: text, schema: { type: "string" } }],
        post: {
          operationId: text,
          summary: text,
          description: text,
          tags: [text],
          parameters: [
            { name: `q ${text}`, in: "query", description: text, example: text, schema: { type: "string", ...documented(text) } },
            { name: `h-${text}`, in: "header", description: text, schema: { type: "string", enum: [text, "__proto__"] } },
            { name: `c-${text}`, in: "cookie", schema: { type: "string" } },
          ],
          requestBody: {
            description: text,
            required: true,
            content: { [`application/vnd.${text}+json`]: { schema: { $ref: refTo(text) } } },
          },
          responses: {
            "200": { description: text, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
            [`4XX`]: { description: text, content: { [`text/${text}`]: { schema: { type: "string", description: text } } } },
          },
        },
      },
      ...Object.fromEntries(
        HOSTILE_NAMES.map((name) => [
          `/names/${name}`,
          {
            get: {
              operationId: name,
              tags: [name],
              parameters: [{ name, in: "query", schema: { type: "string" } }],
              responses: { "204": { description: name } },
            },
          },
        ]),
      ),
    },
    components: {
      schemas: {
        [text]: {
          type: "object",
          ...documented(text),
          required: [text, "__proto__"],
          properties: {
            [text]: { type: "string", ...documented(text) },
            ["__proto__"]: { type: "string", enum: [text, "__proto__", "constructor", "1st", "class"] },
            pet: { $ref: "#/components/schemas/Pet" },
            ...names,
          },
          additionalProperties: { type: "string", description: text },
        },
        Enum: {
          type: "string",
          enum: [text, "__proto__", "constructor", "prototype", "class", "1st", ""],
          default: text,
          description: text,
        },
        Pet: {
          description: text,
          oneOf: variants.map((_, i) => ({ $ref: `#/components/schemas/Variant${i}` })),
          discriminator: {
            propertyName: text,
            mapping: Object.fromEntries(variants.map((v, i) => [v, `#/components/schemas/Variant${i}`])),
          },
        },
        ...Object.fromEntries(
          variants.map((value, i) => [
            `Variant${i}`,
            {
              type: "object",
              title: text,
              required: [text],
              properties: { [text]: { const: value, description: text }, constructor: { type: "integer", example: text } },
            },
          ]),
        ),
        Unmapped: {
          oneOf: [
            { type: "object", title: "Plain", required: ["__proto__"], properties: { ["__proto__"]: { const: text } } },
            { type: "object", title: "Other", required: ["__proto__"], properties: { ["__proto__"]: { const: "constructor" } } },
          ],
          discriminator: { propertyName: "__proto__" },
        },
      },
    },
  };
}
