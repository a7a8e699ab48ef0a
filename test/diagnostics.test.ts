import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Severity } from "../generator/diagnostics.js";
import { generate } from "../generator/pipeline.js";

/**
 * Every problem issue 5 lists, as a whole-pipeline run on a file: the code, the severity, the JSON
 * pointer, and the `line:column` a reader lands on. Specs are written out line by line so that the
 * expected positions can be checked by eye.
 */
type Want = [code: string, severity: Severity, pointer: string, at: string];

async function diagnosticsOf(name: string, lines: string[]): Promise<{ got: Want[]; generated: boolean }> {
  const file = join(mkdtempSync(join(tmpdir(), "specforge-diagnostics-")), name);
  writeFileSync(file, lines.join("\n") + "\n");
  const result = await generate(file);
  for (const d of result.diagnostics) expect(d.file).toBe(file);
  return {
    got: result.diagnostics.map((d) => [d.code, d.severity, d.pointer, `${d.line}:${d.column}`]),
    generated: result.ok,
  };
}

const head = ["openapi: 3.1.0", "info: { title: t, version: '1' }"];
/** A 3.1 document whose components.schemas start on line 5. */
const schemas = (...lines: string[]): string[] => [...head, "paths: {}", "components:", "  schemas:", ...lines];

describe("diagnostics carry code, severity, pointer and file:line:column", () => {
  it.each<{ given: string; name?: string; lines: string[]; want: Want[]; generates: boolean }>([
    {
      given: "a YAML syntax error",
      lines: [...head, "paths:", "  /a: [", "components: {}"],
      // At the [ that is never closed.
      want: [["E_SYNTAX", "error", "", "4:7"]],
      generates: false,
    },
    {
      given: "a JSON syntax error",
      name: "spec.json",
      lines: ["{", '  "openapi": "3.1.0",', '  "info": { "title": "t" "version": "1" },', '  "paths": {}', "}"],
      want: [["E_SYNTAX", "error", "", "3:26"]],
      generates: false,
    },
    {
      given: "not an OpenAPI document",
      lines: ["title: not a spec", "paths: {}"],
      want: [["E_NOT_OPENAPI", "error", "", "1:1"]],
      generates: false,
    },
    {
      given: "Swagger 2.0",
      lines: ["info: { title: t, version: '1' }", "swagger: '1.2'", "paths: {}"],
      want: [["E_VERSION_UNSUPPORTED", "error", "/swagger", "2:1"]],
      generates: false,
    },
    {
      given: "a dangling $ref, degraded to unknown",
      lines: schemas("    A:", "      type: object", "      properties:", "        b: { $ref: '#/components/schemas/Missing' }"),
      want: [["W_REF_DANGLING", "warning", "/components/schemas/A/properties/b/$ref", "9:14"]],
      generates: true,
    },
    {
      given: "a cyclic alias",
      lines: schemas("    A: { $ref: '#/components/schemas/B' }", "    B: { $ref: '#/components/schemas/A' }"),
      want: [["W_REF_CYCLE", "warning", "/components/schemas/A", "6:5"]],
      generates: true,
    },
    {
      given: "a duplicate operationId",
      lines: [
        ...head,
        "paths:",
        "  /a:",
        "    get: { operationId: same, responses: { '204': { description: none } } }",
        "    put: { operationId: same, responses: { '204': { description: none } } }",
      ],
      want: [["E_OPERATION_ID_DUPLICATE", "error", "/paths/~1a/put/operationId", "6:12"]],
      generates: false,
    },
    {
      given: "an undeclared path template parameter",
      lines: [...head, "paths:", "  /a/{id}:", "    get: { operationId: getA, responses: { '204': { description: none } } }"],
      want: [["W_PATH_PARAM_UNDECLARED", "warning", "/paths/~1a~1{id}/get", "5:5"]],
      generates: true,
    },
    {
      given: "an empty oneOf",
      lines: schemas("    A:", "      oneOf: []"),
      want: [["W_UNION_EMPTY", "warning", "/components/schemas/A/oneOf", "7:7"]],
      generates: true,
    },
    {
      given: "a variant without the discriminator property",
      lines: schemas(
        "    Pet:",
        "      oneOf:",
        "        - $ref: '#/components/schemas/Cat'",
        "        - $ref: '#/components/schemas/Dog'",
        "      discriminator: { propertyName: kind }",
        "    Cat: { type: object, properties: { kind: { const: Cat } } }",
        "    Dog: { type: object, properties: { bark: { type: boolean } } }",
      ),
      want: [["W_DISCRIMINATOR_PROPERTY_MISSING", "warning", "/components/schemas/Pet/oneOf/1", "9:11"]],
      generates: true,
    },
    {
      given: "a mapping to a missing schema",
      lines: schemas(
        "    Pet:",
        "      oneOf: [{ $ref: '#/components/schemas/Cat' }]",
        "      discriminator:",
        "        propertyName: kind",
        "        mapping:",
        "          cat: '#/components/schemas/Cat'",
        "          dog: '#/components/schemas/Dog'",
        "    Cat: { type: object, required: [kind], properties: { kind: { type: string } } }",
      ),
      want: [["W_DISCRIMINATOR_MAPPING_DANGLING", "warning", "/components/schemas/Pet/discriminator/mapping/dog", "12:11"]],
      generates: true,
    },
    {
      given: "two mapping values for a schema whose const allows one",
      lines: schemas(
        "    Pet:",
        "      oneOf: [{ $ref: '#/components/schemas/Cat' }]",
        "      discriminator:",
        "        propertyName: kind",
        "        mapping:",
        "          cat: '#/components/schemas/Cat'",
        "          kitten: Cat",
        "    Cat: { type: object, required: [kind], properties: { kind: { const: cat } } }",
      ),
      want: [["W_DISCRIMINATOR_MAPPING_CONFLICT", "warning", "/components/schemas/Pet/discriminator/mapping/kitten", "12:11"]],
      generates: true,
    },
  ])("$given", async ({ name, lines, want, generates }) => {
    const { got, generated } = await diagnosticsOf(name ?? "spec.yaml", lines);
    expect(got).toEqual(want);
    expect(generated).toBe(generates);
  });
});

describe("discriminator checks that must stay quiet", () => {
  it.each<{ given: string; lines: string[] }>([
    {
      given: "the property inherited through allOf, and numeric and boolean values spelled as mapping keys",
      lines: schemas(
        "    Base: { type: object, required: [kind, v, on], properties: { kind: { type: string }, v: { type: integer }, on: { type: boolean } } }",
        "    Pet:",
        "      oneOf: [{ $ref: '#/components/schemas/Cat' }]",
        "      discriminator: { propertyName: kind }",
        "    Versioned:",
        "      oneOf: [{ $ref: '#/components/schemas/V1' }]",
        "      discriminator: { propertyName: v, mapping: { '1.0': V1 } }",
        "    Switch:",
        "      oneOf: [{ $ref: '#/components/schemas/On' }]",
        "      discriminator: { propertyName: on, mapping: { 'True': On } }",
        "    Cat: { allOf: [{ $ref: '#/components/schemas/Base' }] }",
        "    V1: { type: object, required: [v], properties: { v: { const: 1 } } }",
        "    On: { type: object, required: [on], properties: { on: { enum: [true] } } }",
      ),
    },
    {
      given: "a property named discriminator, and a discriminator in an example",
      lines: schemas(
        "    A:",
        "      type: object",
        "      properties:",
        "        discriminator: { type: object, properties: { propertyName: { type: string } } }",
        "      example: { discriminator: { propertyName: x, mapping: { a: Missing } } }",
      ),
    },
  ])("$given", async ({ lines }) => {
    expect((await diagnosticsOf("spec.yaml", lines)).got).toEqual([]);
  });
});
