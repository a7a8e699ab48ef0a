import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../generator/pipeline.js";
import { printFile } from "../generator/emit/print/lines.js";
import type { Expr } from "../generator/emit/print/tree.js";
import { prettierChanges, prettierFormat } from "./support/layout.js";
import { FIXTURE_SPECS, FIXTURES } from "./support/paths.js";
import { statement } from "./support/print-trees.js";
import { succeeded } from "./support/pipeline.js";

/**
 * The printer (generator/emit/print/) builds prettier's own documents from the print tree; these
 * tests hold it to prettier's output. Random trees reach every layout of every construct with
 * names from short to far too long; whole generated clients check the emitters' trees and the
 * templates' text together.
 */

const seed = process.env.CI ? 20261201 : Date.now() % 2 ** 31;

describe("the printer prints what prettier prints", () => {
  it(`random statements of every kind the emitters write (seed ${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 6 }), async (statements) => {
        const content = printFile("// A generated file.", statements);
        expect(content).toBe(await prettierFormat(content));
      }),
      { numRuns: Number(process.env.PRINT_RUNS ?? 300), seed },
    );
  }, 120_000);
});

describe("template literals", () => {
  it("print their interpolations as prettier does, at unlimited width: a long call with an object argument stays whole", async () => {
    const long = "a".repeat(60);
    const call: Expr = {
      kind: "call",
      callee: { kind: "id", name: "f" },
      args: [
        {
          kind: "object",
          properties: [
            { kind: "property", key: "x", value: { kind: "string", value: long } },
            { kind: "property", key: "y", value: { kind: "string", value: long } },
          ],
        },
      ],
    };
    const template: Expr = { kind: "template", quasis: ["a ", " b"], expressions: [call] };
    const content = printFile("// A generated file.", [
      { kind: "return", argument: template },
      { kind: "const", name: "request", value: { kind: "object", properties: [{ kind: "property", key: "path", value: template }] } },
    ]);
    expect(content).toContain(`\`a \${f({ x: "${long}", y: "${long}" })} b\``);
    expect(content).toBe(await prettierFormat(content));
  });
});

/** Every spec among the fixtures: the feature fixtures, and each one of repro/, unit/, changes/ and pages/. */
const LAYOUT_FIXTURES: Record<string, string> = {
  ...FIXTURE_SPECS,
  ...Object.fromEntries(
    ["repro", "unit", "changes", "pages"].flatMap((folder) =>
      readdirSync(join(FIXTURES, folder))
        .filter((name) => /\.(ya?ml|json|md)$/.test(name))
        .sort()
        .map((name) => [`${folder}/${name}`, join(FIXTURES, folder, name)]),
    ),
  ),
};

describe("generated clients are in prettier's layout as generated", () => {
  for (const [name, spec] of Object.entries(LAYOUT_FIXTURES)) {
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
