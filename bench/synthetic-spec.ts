/**
 * An ElevenLabs-shaped OpenAPI 3.1 document at any scale: per unit, discriminated unions (mapping,
 * `const` + `default` discriminators), `anyOf: [X, null]` optional fields, a multipart upload, a
 * binary response, path/query/header parameters. Scale 1 has about the ElevenLabs spec's size.
 */
const UNITS_AT_SCALE_1 = 40;

export function syntheticSpec(scale: number): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (let u = 0; u < UNITS_AT_SCALE_1 * scale; u++) (Object.assign(schemas, unitSchemas(u)), Object.assign(paths, unitPaths(u)));
  return {
    openapi: "3.1.0",
    info: { title: `Synthetic x${scale}`, version: "1" },
    servers: [{ url: "https://api.example.com" }],
    paths,
    components: { schemas },
  };
}

const nullable = (schema: unknown, description: string) => ({ anyOf: [schema, { type: "null" }], description });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function unitSchemas(u: number): Record<string, unknown> {
  const variant = (kind: string, extra: Record<string, unknown>) => ({
    type: "object",
    title: `Tool${kind}${u}`,
    properties: { type: { type: "string", const: kind.toLowerCase(), default: kind.toLowerCase() }, name: { type: "string" }, ...extra },
    required: ["name"],
  });
  return {
    [`ToolWebhook${u}`]: variant("Webhook", { url: { type: "string" }, timeout: nullable({ type: "integer" }, "Seconds") }),
    [`ToolClient${u}`]: variant("Client", { expects_response: { type: "boolean", default: false } }),
    [`ToolSystem${u}`]: variant("System", { params: nullable(ref(`SystemParams${u}`), "Parameters") }),
    [`SystemParams${u}`]: {
      type: "object",
      properties: { level: { type: "string", enum: ["low", "mid", "high"] }, tags: { type: "array", items: { type: "string" } } },
    },
    [`Agent${u}`]: {
      type: "object",
      required: ["agent_id", "tools"],
      properties: {
        agent_id: { type: "string" },
        name: nullable({ type: "string" }, "Display name"),
        tools: {
          type: "array",
          items: {
            oneOf: [ref(`ToolWebhook${u}`), ref(`ToolClient${u}`), ref(`ToolSystem${u}`)],
            discriminator: {
              propertyName: "type",
              mapping: {
                webhook: `#/components/schemas/ToolWebhook${u}`,
                client: `#/components/schemas/ToolClient${u}`,
                system: `#/components/schemas/ToolSystem${u}`,
              },
            },
          },
        },
        metadata: { type: "object", additionalProperties: { type: "string" } },
        created_at_unix_secs: { type: "integer" },
      },
    },
    [`Body_Upload_${u}`]: {
      type: "object",
      required: ["file"],
      properties: { file: { type: "string", format: "binary" }, note: nullable({ type: "string" }, "Note") },
    },
    [`HTTPValidationError${u}`]: {
      type: "object",
      properties: { detail: { type: "array", items: { type: "object", properties: { msg: { type: "string" } } } } },
    },
  };
}

function unitPaths(u: number): Record<string, unknown> {
  const errors = {
    "422": { description: "Validation Error", content: { "application/json": { schema: ref(`HTTPValidationError${u}`) } } },
  };
  const key = { name: "xi-api-key", in: "header", required: false, schema: { type: "string" } };
  return {
    [`/v1/unit${u}/agents/{agent_id}`]: {
      get: {
        operationId: `get_agent_${u}`,
        tags: [`unit${u}`],
        parameters: [
          { name: "agent_id", in: "path", required: true, schema: { type: "string" } },
          { name: "include", in: "query", schema: { type: "array", items: { type: "string" } } },
          key,
        ],
        responses: { "200": { description: "ok", content: { "application/json": { schema: ref(`Agent${u}`) } } }, ...errors },
      },
      patch: {
        operationId: `update_agent_${u}`,
        tags: [`unit${u}`],
        parameters: [{ name: "agent_id", in: "path", required: true, schema: { type: "string" } }, key],
        requestBody: { required: true, content: { "application/json": { schema: ref(`Agent${u}`) } } },
        responses: { "200": { description: "ok", content: { "application/json": { schema: ref(`Agent${u}`) } } }, ...errors },
      },
    },
    [`/v1/unit${u}/upload`]: {
      post: {
        operationId: `upload_${u}`,
        tags: [`unit${u}`],
        parameters: [key],
        requestBody: { required: true, content: { "multipart/form-data": { schema: ref(`Body_Upload_${u}`) } } },
        responses: {
          "200": { description: "audio", content: { "audio/mpeg": { schema: { type: "string", format: "binary" } } } },
          ...errors,
        },
      },
    },
  };
}
