import type { Api, Incoming } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { call, id, named, type Expr, type Stmt, type TypeMember, type TypeTree } from "../print/tree.js";
import { identifier } from "../escape.js";

/** Incoming requests grouped by key, keys in spec order. */
function byKey<K>(list: Incoming[], key: (i: Incoming) => K): Map<K, Incoming[]> {
  const groups = new Map<K, Incoming[]>();
  for (const i of list) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  return groups;
}

const webhooksByName = (api: Api): Map<string, Incoming[]> =>
  byKey(
    api.incoming.filter((i) => i.kind === "webhook"),
    (i) => i.name,
  );

/** The payload types of one or several requests (a webhook with several methods), each once. */
const payloadTypes = (list: Incoming[], names: NameTable): string[] => [
  ...new Set(list.map((i) => identifier(names.schemas.get(i.payload)!.type))),
];

const unionOf = (types: string[]): TypeTree =>
  types.length === 1 ? named(types[0]!) : { kind: "union", members: types.map((t) => named(t)) };

/**
 * `Webhooks` (webhook name -> payload type) and `Callbacks` (operation function -> callback name
 * -> payload type), for types.ts: a receiver types its handlers with them, `(body: Webhooks["newPet"]) => ...`.
 */
export function incomingStatements(api: Api, names: NameTable): Stmt[] {
  const statements: Stmt[] = [];
  const webhooks = webhooksByName(api);
  if (names.incoming.webhooks !== undefined && webhooks.size > 0) {
    statements.push({
      kind: "interface",
      exported: true,
      name: identifier(names.incoming.webhooks),
      doc: ["The payload of each webhook the API sends, by its name in the spec's `webhooks`."],
      members: [...webhooks].map(([name, list]) => ({ kind: "property", key: name, type: unionOf(payloadTypes(list, names)) })),
    });
  }
  const callbacks = byKey(
    api.incoming.filter((i) => i.kind === "callback"),
    (i) => i.operation!,
  );
  if (names.incoming.callbacks !== undefined && callbacks.size > 0) {
    statements.push({
      kind: "interface",
      exported: true,
      name: identifier(names.incoming.callbacks),
      doc: ["The payload of each callback the API sends, by the function of the operation that registers it and the callback's name."],
      members: [...callbacks].map(([operation, list]): TypeMember => {
        const inner = [...byKey(list, (i) => i.name)].map(([name, same]): TypeMember => ({
          kind: "property",
          key: name,
          type: unionOf(payloadTypes(same, names)),
        }));
        return { kind: "property", key: names.operations[operation]!.fn, type: { kind: "object", members: inner, expanded: true } };
      }),
    });
  }
  return statements;
}

/** `webhookGuards`, for guards.ts: webhook name -> the guard of its payload, so `webhookGuards[name](body)` vets a body. */
export function webhookGuardsStatement(api: Api, names: NameTable): Stmt | undefined {
  const map = names.incoming.webhooks;
  const constName = names.incoming.webhookGuards;
  const webhooks = webhooksByName(api);
  if (map === undefined || constName === undefined || webhooks.size === 0) return undefined;
  const guardOf = (list: Incoming[], name: string): Expr => {
    const guards = [...new Set(list.map((i) => identifier(names.schemas.get(i.payload)!.guard!)))];
    if (guards.length === 1) return id(guards[0]!);
    // Several methods under one name: any of their payloads.
    return {
      kind: "arrow",
      params: [{ name: "value", type: named("unknown") }],
      returns: { kind: "predicate", param: "value", type: unionOf(payloadTypes(list, names)) },
      body: { kind: "logical", operator: "||", operands: guards.map((g) => call(g, [id("value")])) },
    };
  };
  return {
    kind: "const",
    exported: true,
    name: identifier(constName),
    doc: [`The guard of each webhook's payload, by webhook name: \`${identifier(constName)}[name](body)\` vets an incoming body.`],
    value: {
      kind: "as",
      expression: {
        kind: "object",
        expanded: true,
        properties: [...webhooks].map(([name, list]) => ({ kind: "property", key: name, value: guardOf(list, name) })),
      },
      type: named("const"),
    },
  };
}
