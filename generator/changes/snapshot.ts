import { COMPONENT_SCHEMAS } from "../ir/context.js";
import type { Api, NamedSchema, Operation, Response, TypeNode } from "../ir/model.js";
import { referencedSchemas } from "../ir/references.js";
import { isPrimitive } from "../ir/walk.js";
import { unescapeSegment } from "../load/pointer.js";
import type { NameTable } from "../names/plan.js";
import { API_MODEL_FORMAT, type ApiModel, type OperationModel, type TypeModel } from "./model.js";

/** `/components/schemas/A~1B` -> `A/B`: the name a spec author knows the schema by. */
export const componentName = (pointer: string): string => unescapeSegment(pointer.slice(COMPONENT_SCHEMAS.length));

/**
 * The API model of one run, built from the IR and the name table so that every part carries the
 * identifier generated for it. Documentation is left out: it changes the output but not the API.
 */
export function buildApiModel(api: Api, names: NameTable): ApiModel {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const uses = useCounts(api);
  // Only a hoisted schema used from one place is expanded there: one used from many (a Writable
  // twin, an allOf parent's Base) is recorded once by name, or a large hierarchy (Microsoft
  // Graph's) would be copied into every place that reaches it.
  const expanded = new Map([...byId].filter(([id, s]) => s.origin === "inline" && (uses.get(id) ?? 0) <= 1));
  const typeOf = (node: TypeNode): TypeModel => typeModel(node, expanded, names);
  // Records are built with Object.fromEntries, which defines own keys: a schema or property named
  // `__proto__` stays data instead of replacing the prototype.
  const schemas = Object.fromEntries(
    api.schemas
      .filter((s) => s.origin === "component")
      .map((s) => [componentName(s.id), { identifier: names.schemas.get(s.id)!.type, pointer: s.id, type: typeOf(s.type) }]),
  );
  const operations = Object.fromEntries(
    api.operations.map((operation, i) => [
      `${operation.method.toUpperCase()} ${operation.path}`,
      operationModel(operation, names.operations[i]!, typeOf),
    ]),
  );
  return { format: API_MODEL_FORMAT, title: api.title, version: api.version, operations, schemas };
}

/** How many times each schema is referenced from the schemas and the operations. */
function useCounts(api: Api): Map<string, number> {
  const uses = new Map<string, number>();
  const count = (type: TypeNode | undefined): void => {
    if (type !== undefined) for (const id of referencedSchemas(type)) uses.set(id, (uses.get(id) ?? 0) + 1);
  };
  for (const schema of api.schemas) count(schema.type);
  for (const operation of api.operations) {
    for (const p of operation.parameters) count(p.type);
    count(operation.body?.type);
    for (const r of operation.responses) count(r.type);
  }
  return uses;
}

function operationModel(operation: Operation, own: NameTable["operations"][number], typeOf: (node: TypeNode) => TypeModel): OperationModel {
  const model: OperationModel = {
    pointer: operation.pointer,
    function: own.fn,
    client: [...own.groupPath, own.method].join("."),
    paramsType: own.paramsType,
    errorType: own.errorType,
    parameters: Object.fromEntries(
      operation.parameters.map((p, i) => [
        `${p.in} ${p.name}`,
        { key: own.parameters[i]!, required: p.required, type: typeOf(p.type), pointer: p.pointer },
      ]),
    ),
    responses: Object.fromEntries(operation.responses.map((r) => [r.status, responseModel(r, typeOf)])),
    reading: operation.reading,
  };
  if (operation.operationId !== undefined) model.operationId = operation.operationId;
  if (operation.deprecated) model.deprecated = true;
  if (operation.body) {
    const { mediaType, required, type, pointer } = operation.body;
    model.body = { mediaType, required, type: typeOf(type), pointer };
  }
  return model;
}

function responseModel(response: Response, typeOf: (node: TypeNode) => TypeModel): OperationModel["responses"][string] {
  const entry: OperationModel["responses"][string] = { pointer: response.pointer };
  if (response.mediaType !== undefined) entry.mediaType = response.mediaType;
  if (response.type !== undefined) entry.type = typeOf(response.type);
  return entry;
}

/** A hoisted schema (in `byId`) is expanded where it is used; `seen` stops a hoisted schema that reaches itself. */
function typeModel(node: TypeNode, byId: Map<string, NamedSchema>, names: NameTable, seen: ReadonlySet<string> = new Set()): TypeModel {
  const recurse = (inner: TypeNode): TypeModel => typeModel(inner, byId, names, seen);
  if (isPrimitive(node)) return { kind: node.kind };
  switch (node.kind) {
    case "literal":
      return { kind: "literal", value: node.value };
    case "array":
      return { kind: "array", items: recurse(node.items) };
    case "tuple":
      return node.rest === undefined
        ? { kind: "tuple", items: node.items.map(recurse) }
        : { kind: "tuple", items: node.items.map(recurse), rest: recurse(node.rest) };
    case "object": {
      const properties = Object.fromEntries(
        node.properties.map((p) => [
          p.name,
          { type: recurse(p.type), required: p.required, ...(p.access ? { access: p.access } : {}), pointer: p.pointer },
        ]),
      );
      return node.additional === undefined
        ? { kind: "object", properties }
        : { kind: "object", properties, additional: recurse(node.additional) };
    }
    case "union": {
      const members = node.members.map(recurse);
      if (!node.discriminator) return { kind: "union", members };
      return {
        kind: "union",
        members,
        discriminator: { property: node.discriminator.property, values: node.discriminator.variants.map((v) => v.values) },
      };
    }
    case "intersection":
      return { kind: "intersection", members: node.members.map(recurse) };
    case "ref": {
      const target = byId.get(node.target);
      if (target === undefined || seen.has(target.id)) return { kind: "ref", schema: componentName(node.target) };
      const expanded = typeModel(target.type, byId, names, new Set([...seen, target.id]));
      const name = names.schemas.get(target.id)!.type;
      return expanded.kind === "object" || expanded.kind === "intersection" ? { ...expanded, name, pointer: target.id } : expanded;
    }
  }
}
