// Minimal valid values from a raw OpenAPI schema, for calling every operation of a real spec:
// required properties only, the first enum value or mapped discriminator variant, the smallest
// lengths and counts the schema allows. Binary strings become Blobs.
type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

export class Sampler {
  private readonly root: Raw;
  constructor(root: Raw) {
    this.root = root;
  }

  resolve(schema: unknown, depth = 0): Raw {
    if (!isRecord(schema)) return {};
    if (typeof schema.$ref !== "string" || depth > 20) return schema;
    const target = schema.$ref
      .slice(2)
      .split("/")
      .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Raw)[key] : undefined), this.root);
    return this.resolve(target, depth + 1);
  }

  value(raw: unknown, depth = 0): unknown {
    const schema = this.resolve(raw);
    if (depth > 12) return null;
    if ("const" in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((e) => e !== null) ?? null;
    if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((s) => this.value(s, depth + 1)));
    const choices = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
    if (Array.isArray(choices)) return this.choice(schema, choices, depth);
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
    switch (type) {
      case "string":
        return this.text(schema);
      case "integer":
      case "number":
        return typeof schema.minimum === "number"
          ? schema.minimum
          : typeof schema.exclusiveMinimum === "number"
            ? schema.exclusiveMinimum + 1
            : 1;
      case "boolean":
        return false;
      case "array": {
        const count = typeof schema.minItems === "number" ? schema.minItems : 0;
        return Array.from({ length: count }, () => this.value(schema.items, depth + 1));
      }
      case "null":
        return null;
      default:
        return this.object(schema, depth);
    }
  }

  private choice(schema: Raw, choices: unknown[], depth: number): unknown {
    const discriminator = isRecord(schema.discriminator) ? schema.discriminator : undefined;
    const mapping = isRecord(discriminator?.mapping) ? discriminator.mapping : {};
    const [tag, ref] = Object.entries(mapping)[0] ?? [];
    if (typeof discriminator?.propertyName === "string" && typeof ref === "string") {
      return { ...(this.value({ $ref: ref }, depth + 1) as Raw), [discriminator.propertyName]: tag };
    }
    const first = choices.find((c) => this.resolve(c).type !== "null") ?? choices[0];
    return this.value(first, depth + 1);
  }

  private text(schema: Raw): unknown {
    if (schema.format === "binary") return new Blob([new Uint8Array([82, 73, 70, 70])], { type: "audio/mpeg" });
    const formats: Record<string, string> = {
      "date-time": "2024-01-01T00:00:00Z",
      date: "2024-01-01",
      email: "a@example.com",
      uri: "https://example.com",
      url: "https://example.com",
      uuid: "00000000-0000-4000-8000-000000000000",
    };
    if (typeof schema.format === "string" && formats[schema.format]) return formats[schema.format];
    const min = typeof schema.minLength === "number" ? schema.minLength : 1;
    return "a".repeat(Math.max(min, 1));
  }

  private object(schema: Raw, depth: number): Raw {
    const result: Raw = {};
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const name of required) if (typeof name === "string") result[name] = this.value(properties[name], depth + 1);
    return result;
  }
}
