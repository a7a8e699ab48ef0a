import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  arrowProperty,
  bracketed,
  functionHead,
  importStatement,
  objectProperty,
  returnChain,
  unionAlias,
  unionProperty,
} from "../generator/emit/layout.js";
import { generate } from "../generator/pipeline.js";
import { succeeded } from "./support/pipeline.js";
import { prettierChanges } from "./support/layout.js";
import { FIXTURES, SEED_SPEC } from "./support/paths.js";

/**
 * Most of the output skips prettier because the emitters print it in prettier's layout. Each
 * case here is output that prettier must leave exactly as it is: the layout helpers at the widths
 * where they switch form, and whole generated clients, long names included.
 */

const at = (n: number, prefix: string): string => prefix + "x".repeat(Math.max(1, n - prefix.length));

describe("the layout helpers agree with prettier at every width", () => {
  // Names from short to far too long, so that each helper goes through each of its forms.
  const lengths = [10, 40, 60, 70, 80, 85, 90, 95, 99, 100, 101, 110, 130];

  it("function heads, returned chains, unions, imports, arrays, objects and arrow properties", async () => {
    const sources = lengths.flatMap((n) => {
      const name = at(n / 2, "is");
      const type = at(n / 2, "T");
      return [
        `${functionHead(`export function ${name}`, ["value: unknown"], `: value is ${type}`)}\n${returnChain([`isRecord(value)`, `typeof value.${at(n / 3, "a")} === "string"`, `value.${at(n / 4, "b")} === null`], "&&")}\n}`,
        `${functionHead(`export async function ${name}`, [`params: ${type}Params = {}`, "options?: RequestOptions"], `: Promise<${type}>`)}\n  return 1;\n}`,
        unionAlias(`export type ${type}`, [
          `ApiError<400, ${at(n / 3, "A")}>`,
          "ApiError<404, unknown>",
          `ApiError<422, ${at(n / 4, "B")}>`,
        ]),
        unionAlias(
          `export type ${type}`,
          Array.from({ length: Math.ceil(n / 8) }, (_, i) => `"value_${i}"`),
        ),
        `export interface ${type} {\n${unionProperty("  ", `${at(n / 3, "key")}?:`, Array.from({ length: Math.ceil(n / 10) }, (_, i) => `"v${i}"`).concat("null"))}\n}`,
        importStatement(
          Array.from({ length: Math.ceil(n / 12) }, (_, i) => `Name${i}`),
          '"./types.js"',
          true,
        ),
        bracketed(
          "",
          `export const ${name}Values = [`,
          Array.from({ length: Math.ceil(n / 9) }, (_, i) => `"v${i}"`),
          "] as const;",
        ),
        `request(\n  {\n${objectProperty("    ", "headers", [`"xi-api-key": params.${at(n / 3, "key")}`, "other: params.other"])}\n${objectProperty("    ", "query", [`page_size: params.${at(n / 3, "size")}`, "...params.rest"], "query")}\n  },\n  options,\n);`,
        importStatement([at(n, "OnlyName")], '"./types.js"', true),
        `function ${name}(value: unknown): boolean {\n${returnChain([`${at(n, "isLone")}(value)`], "||")}\n}`,
        `function ${name}(value: unknown): boolean {\n${returnChain(
          [
            "isRecord(value)",
            `(!("${at(n / 3, "k")}" in value) || typeof value.${at(n / 3, "k")} === "string" || value.${at(n / 4, "k")} === null)`,
            `(!("a" in value) || (Array.isArray(value.a) && value.a.every((item1: unknown) => ${at(n / 2, "isItem")}(item1))))`,
            `(!("b" in value) || isB(value.b))`,
          ],
          "&&",
        )}\n}`,
        `export interface ${type} {\n${unionProperty("  ", `${at(n / 3, "key")}?:`, [`{ ${at(n / 3, "a")}: string; b?: number }`, "null"])}\n}`,
        unionAlias(`export type ${type}`, [`{ ${at(n / 2, "a")}: string; b?: number }`, "null", "undefined"]),
        bracketed(
          "",
          `export const ${name}Codes = [`,
          Array.from({ length: Math.ceil(n / 5) }, (_, i) => String(1000 + i)),
          "] as const;",
        ),
        `const client = {\n  group: {\n${arrowProperty("    ", at(n / 4, "m"), [`params: ${type}`, "options?: RequestOptions"], name, ["params", "withDefaults(defaults, options)"])}\n  },\n};`,
        `const client = {\n  group: {\n${arrowProperty("    ", "m", ["params: P", "options?: RequestOptions"], at(Math.min(n, 90), "call"), ["params", "withDefaults(defaults, options)"])}\n  },\n};`,
        `const client = {\n  group: {\n${arrowProperty("    ", at(n / 2, "m"), [`params: ${at(n / 2, "P")}`, "options?: RequestOptions"], at(Math.min(n, 90), "call"), ["params", "withDefaults(defaults, options)"])}\n  },\n};`,
      ];
    });
    // A line still too long makes the statement prettier's to format (emit/segments.ts), so such
    // cases are not the layout's to get right.
    const laidOut = sources.filter((source) => source.split("\n").every((line) => line.length <= 100));
    expect(laidOut.length).toBeGreaterThan(sources.length * 0.75);
    const files = laidOut.map((content, i) => ({ path: `case${i}.ts`, content: `${content}\n` }));
    expect(await prettierChanges(files)).toEqual([]);
  });
});

describe("generated clients are in prettier's layout as generated", () => {
  const specs = {
    seed: SEED_SPEC,
    shelter: join(FIXTURES, "shelter-3.0.json"),
    zoo: join(FIXTURES, "zoo-3.1.yaml"),
    edges: join(FIXTURES, "edges-3.1.yaml"),
    "multi-file": join(FIXTURES, "multi-file", "openapi.yaml"),
    wire: join(FIXTURES, "wire.yaml"),
  };
  for (const [name, spec] of Object.entries(specs)) {
    it(name, async () => {
      const result = await generate(spec);
      expect(await prettierChanges(succeeded(result).files)).toEqual([]);
    });
  }

  it("a spec whose names are long enough to break every head, union and client method, with several security schemes and numeric discriminators", async () => {
    const long = (n: number) => `Extremely${"Long".repeat(n)}Name`;
    const dir = mkdtempSync(join(tmpdir(), "specforge-layout-"));
    const variants = [8, 12, 16].map((n) => ({
      type: "object",
      required: ["kind"],
      properties: { kind: { type: "string", enum: [long(n)] }, [`field_${long(n)}`]: { type: "string" } },
    }));
    const spec = {
      openapi: "3.1.0",
      info: { title: "long names", version: "1" },
      paths: {
        [`/v1/${long(6)}/{${long(2)}_id}`]: {
          get: {
            operationId: `get${long(10)}`,
            tags: [long(4)],
            parameters: [
              { name: `${long(2)}_id`, in: "path", required: true, schema: { type: "string" } },
              ...[1, 2, 3, 4].map((i) => ({
                name: `query_${i}_${long(3)}`,
                in: "query",
                schema: { type: "string", enum: ["a_value", "b_value", "c_value", "d_value", "e_value"] },
              })),
              { name: `header-${long(5)}`, in: "header", schema: { type: "string" } },
            ],
            responses: {
              "200": { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/${long(9)}` } } } },
              "404": { description: "no", content: { "application/json": { schema: { $ref: `#/components/schemas/${long(7)}Error` } } } },
              "422": { description: "bad", content: { "application/json": { schema: { $ref: `#/components/schemas/${long(7)}Error` } } } },
              "4XX": {
                description: "other",
                content: { "application/json": { schema: { $ref: `#/components/schemas/${long(7)}Error` } } },
              },
            },
          },
        },
        // A response that is an intersection or nothing (204), and nullable inline objects of every length.
        "/v1/merged": {
          post: {
            operationId: "createMerged",
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: Object.fromEntries(
                      [1, 4, 8].map((n) => [
                        `labels_${long(n)}`,
                        { type: ["object", "null"], properties: { a: { type: "string" }, [`b_${long(n)}`]: { type: "integer" } } },
                      ]),
                    ),
                  },
                },
              },
            },
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: { allOf: [{ $ref: `#/components/schemas/${long(7)}Error` }, { properties: { id: { type: "string" } } }] },
                  },
                },
              },
              "204": { description: "nothing" },
            },
          },
          get: {
            operationId: "getMerged",
            security: [],
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: { allOf: [{ $ref: `#/components/schemas/${long(2)}Error` }, { properties: { id: { type: "string" } } }] },
                  },
                },
              },
              "204": { description: "nothing" },
            },
          },
        },
      },
      security: [{ headerKey: [] }, { queryKey: [] }],
      components: {
        securitySchemes: {
          headerKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
          queryKey: { type: "apiKey", in: "query", name: "api_key" },
        },
        schemas: {
          [long(9)]: { oneOf: variants, discriminator: { propertyName: "kind" } },
          [`${long(3)}Codes`]: {
            oneOf: Array.from({ length: 20 }, (_, i) => ({
              type: "object",
              required: ["code"],
              properties: { code: { const: 1000 + i } },
            })),
            discriminator: { propertyName: "code" },
          },
          [long(20)]: { $ref: `#/components/schemas/${long(9)}` },
          [`${long(7)}Error`]: {
            type: "object",
            properties: { detail: { type: "string" }, [`code_${long(6)}`]: { type: ["integer", "null"] } },
          },
          [`${long(2)}Error`]: { type: "object", properties: { detail: { type: "string" } } },
          ...Object.fromEntries(
            [1, 4, 8].map((n) => [
              `Nullable${long(n)}`,
              { type: ["object", "null"], properties: { a: { type: "string" }, [`b_${long(n)}`]: { type: "integer" } } },
            ]),
          ),
        },
      },
    };
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
    const result = await generate(join(dir, "spec.json"));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(await prettierChanges(succeeded(result).files)).toEqual([]);
  });
});
