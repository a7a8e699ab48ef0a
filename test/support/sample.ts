// Minimal valid values from a raw OpenAPI schema, for calling every operation of a real spec:
// required properties only, the first enum value or mapped discriminator variant, the smallest
// lengths and counts the schema allows. Binary strings become Blobs.
type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

export interface SampleOptions {
  /** Optional properties too, down to this many object levels; arrays get one item, maps one key. Default: required only. */
  optionalDepth?: number;
  /** Leaves out (as if absent) the optional properties whose schema it returns true for, e.g. shapes a validator cannot read. */
  skip?: (schema: Raw) => boolean;
  /**
   * Objects that require nothing get their first property, and arrays one item: in a form body an
   * empty object or array sends no key at all, so a required one would look absent.
   */
  nonEmpty?: boolean;
}

export class Sampler {
  private readonly root: Raw;
  private readonly options: SampleOptions;
  constructor(root: Raw, options: SampleOptions = {}) {
    this.root = root;
    this.options = options;
  }

  /** Whether optional parts are sampled at this depth. */
  private rich(depth: number): boolean {
    return depth < (this.options.optionalDepth ?? -1);
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
        const count = Math.max(
          typeof schema.minItems === "number" ? schema.minItems : 0,
          this.rich(depth) || this.options.nonEmpty ? 1 : 0,
        );
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
    const matching = typeof schema.pattern === "string" ? matchOf(schema.pattern) : undefined;
    if (matching !== undefined) return matching;
    const min = typeof schema.minLength === "number" ? schema.minLength : 1;
    return "a".repeat(Math.max(min, 1));
  }

  private object(schema: Raw, depth: number): Raw {
    const result: Raw = {};
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    const names = this.rich(depth) ? Object.keys(properties) : required.filter((n) => typeof n === "string");
    if (names.length === 0 && this.options.nonEmpty) names.push(...Object.keys(properties).slice(0, 1));
    for (const name of names) {
      const property = this.resolve(properties[name]);
      if (!required.includes(name) && this.options.skip?.(property)) continue;
      result[name] = this.value(property, depth + 1);
    }
    const extra = schema.additionalProperties;
    if (Object.keys(properties).length === 0 && this.rich(depth) && isRecord(extra)) result.key = this.value(extra, depth + 1);
    return result;
  }
}

/**
 * A string that a simple regular expression matches (Twilio's `^AC[0-9a-fA-F]{32}$`,
 * `^(SM|MM)...`): literals, escapes, classes and `.` give their first character, groups their
 * first alternative, quantifiers their least count. Undefined when the result does not match.
 */
export function matchOf(pattern: string): string | undefined {
  let at = 0;
  const alternatives = (): string => {
    const first = sequence();
    while (pattern[at] === "|") (at++, sequence());
    return first;
  };
  const sequence = (): string => {
    let out = "";
    while (at < pattern.length && pattern[at] !== "|" && pattern[at] !== ")") {
      const one = atom();
      const quantifier = /^(?:\{(\d+)(?:,\d*)?\}|[+*?])\??/.exec(pattern.slice(at));
      if (!quantifier) out += one;
      else {
        at += quantifier[0].length;
        out += one.repeat(quantifier[1] !== undefined ? Number(quantifier[1]) : quantifier[0][0] === "+" ? 1 : 0);
      }
    }
    return out;
  };
  const atom = (): string => {
    const c = pattern[at++]!;
    if (c === "^" || c === "$") return "";
    if (c === "(") {
      if (pattern.startsWith("?:", at)) at += 2;
      const inner = alternatives();
      at++;
      return inner;
    }
    if (c === "[") {
      const end = pattern.indexOf("]", at + 1);
      const members = pattern.slice(at, end);
      at = end + 1;
      return members.startsWith("^") ? "#" : members[0] === "\\" ? members[1]! : members[0]!;
    }
    if (c === "\\") {
      const e = pattern[at++]!;
      return ({ d: "0", w: "a", s: " " } as Record<string, string>)[e] ?? e;
    }
    return c === "." ? "a" : c;
  };
  try {
    const text = alternatives();
    return new RegExp(pattern, "u").test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
