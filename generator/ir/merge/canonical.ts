import { createHash } from "node:crypto";
import type { Api, Operation, TypeNode } from "../model.js";
import { isPrimitive, unreachable } from "../walk.js";

/**
 * What a TypeScript type means, as text that two documents can compare: refs resolved,
 * documentation left out, union and intersection members and object properties in a fixed order,
 * nested unions flattened (`(A | B) | null` is `A | B | null`), `integer` as `number`. So
 * `type: [X, "null"]`, `nullable: true` and `anyOf: [X, {type: "null"}]` read the same, and so
 * does an enum behind a `$ref` and the same enum inline. A long text stands as its hash, a
 * cycle back to a schema being expanded as `^<levels up>`.
 */
export class CanonicalTypes {
  private readonly byId: Map<string, Api["schemas"][number]>;
  private readonly memo = new Map<string, string>();

  constructor(api: Api) {
    this.byId = new Map(api.schemas.map((s) => [s.id, s]));
  }

  /** The canonical text of a named schema; undefined for an id the API does not hold. */
  schema(id: string): string | undefined {
    return this.byId.has(id) ? this.expand(id, []).text : undefined;
  }

  /** What an operation means to a caller: everything but its documentation. */
  operation(op: Operation): string {
    const type = (t: TypeNode | undefined): string => (t ? this.node(t, []).text : "");
    const parameters = op.parameters
      .map((p) => `${p.in} ${p.name} ${p.required} ${p.style} ${p.explode} ${type(p.type)}`)
      .sort()
      .join(";");
    const body = op.body
      ? `${op.body.mediaType} ${op.body.encoding} ${op.body.required} ${JSON.stringify(op.body.fields)} ${type(op.body.type)}`
      : "";
    const responses = op.responses
      .map((r) => `${r.status} ${r.mediaType ?? ""} ${type(r.type)}`)
      .sort()
      .join(";");
    const names = [op.operationId ?? "", op.tags[0] ?? "", JSON.stringify(op.sdkGroup ?? []), op.sdkMethod ?? ""].join(" ");
    return [names, parameters, body, responses, op.reading, JSON.stringify(op.security)].join("\n");
  }

  private expand(id: string, stack: string[]): { text: string; low: number } {
    const at = stack.indexOf(id);
    if (at !== -1) return { text: `^${stack.length - at}`, low: at };
    const known = this.memo.get(id);
    if (known !== undefined) return { text: known, low: Infinity };
    const schema = this.byId.get(id);
    if (!schema) return { text: "?", low: Infinity };
    stack.push(id);
    const inner = this.node(schema.type, stack);
    stack.pop();
    // Text that refers only to this schema's own frame or deeper means the same wherever it is used.
    if (inner.low >= stack.length) this.memo.set(id, inner.text);
    return inner;
  }

  private node(type: TypeNode, stack: string[]): { text: string; low: number } {
    let low = Infinity;
    const sub = (t: TypeNode): string => {
      const result = this.node(t, stack);
      low = Math.min(low, result.low);
      return result.text;
    };
    let text: string;
    if (isPrimitive(type)) return { text: type.kind === "integer" ? "number" : type.kind, low };
    switch (type.kind) {
      case "ref":
        return this.expand(type.target, stack);
      case "literal":
        text = `=${JSON.stringify(type.value)}`;
        break;
      case "array":
        text = `${sub(type.items)}[]`;
        break;
      case "tuple":
        text = `[${type.items.map(sub).join(",")}${type.rest ? `,...${sub(type.rest)}` : ""}]`;
        break;
      case "object": {
        const properties = type.properties
          .map((p) => `${JSON.stringify(p.name)}${p.required ? "" : "?"}${p.access ? `(${p.access})` : ""}:${sub(p.type)}`)
          .sort();
        text = `{${properties.join(",")}${type.additional ? `,*:${sub(type.additional)}` : ""}}`;
        break;
      }
      case "union": {
        const members = new Set<string>();
        const discriminators: string[] = [];
        const flatten = (t: TypeNode, depth: number): void => {
          const seen = t.kind === "ref" ? this.byId.get(t.target)?.type : t;
          if (seen?.kind === "union" && depth < 32 && !(t.kind === "ref" && stack.includes(t.target))) {
            if (seen.discriminator) discriminators.push(discriminatorText(seen.discriminator));
            for (const m of seen.members) flatten(m, depth + 1);
          } else {
            members.add(sub(t));
          }
        };
        flatten(type, 0);
        text = `(${[...members].sort().join("|")})${discriminators.sort().join("")}`;
        break;
      }
      case "intersection":
        text = `(${type.members.map(sub).sort().join("&")})`;
        break;
      default:
        return unreachable(type);
    }
    // Long texts stand as their hash, so that types shared by many keep the text linear in size.
    return { text: text.length > 64 ? `#${createHash("sha1").update(text).digest("base64url")}` : text, low };
  }
}

const discriminatorText = (d: NonNullable<Extract<TypeNode, { kind: "union" }>["discriminator"]>): string =>
  `<${d.property}:${d.variants
    .map((v) => v.values.map((value) => JSON.stringify(value)).join("/"))
    .sort()
    .join(",")}>`;
