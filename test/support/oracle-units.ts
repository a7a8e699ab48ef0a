// The units the compatibility oracle checks, each with the report's changes that concern it:
// per operation its names (function, client method), arguments, result and error type; per
// component schema kept, its type.
import type { ApiChange, ApiModel, ChangeReport, Direction, OperationModel, Severity, TypeModel } from "../../generator/changes/model.js";
import { schemaDirections } from "../../generator/changes/usage.js";

export interface Client {
  dir: string;
  model: ApiModel;
  files: Map<string, string>;
}

export interface Unit {
  name: string;
  direction: Direction;
  /** Type expressions over the `Old` and `New` clients. */
  types?: { old: string; new: string };
  /** A verdict decided without comparing types: a renamed type, a result read another way. */
  decided?: Severity;
  /** For the names unit: the older function and client path, to find in the newer client. */
  names?: { function: string; client: string[] };
  /** The report's changes at the unit itself. */
  own: ApiChange[];
  /** The component schemas its types reach, whose changes may reach it too. */
  reaches: Set<string>;
}

/** The component schemas a type reaches through references. */
function reach(types: TypeModel[], model: ApiModel, into: Set<string> = new Set()): Set<string> {
  const visit = (type: TypeModel): void => {
    switch (type.kind) {
      case "ref":
        if (into.has(type.schema) || !Object.hasOwn(model.schemas, type.schema)) return;
        into.add(type.schema);
        visit(model.schemas[type.schema]!.type);
        return;
      case "array":
        return visit(type.items);
      case "tuple":
        type.items.forEach(visit);
        if (type.rest) visit(type.rest);
        return;
      case "object":
        Object.values(type.properties).forEach((p) => visit(p.type));
        if (type.additional) visit(type.additional);
        return;
      case "union":
      case "intersection":
        type.members.forEach(visit);
    }
  };
  types.forEach(visit);
  return into;
}

/** How the generated function reads its result: the `read:` helper it passes, JSON by default. */
function readingOf(client: Client, fn: string): string {
  for (const [path, text] of client.files) {
    if (!path.startsWith("operations/")) continue;
    const start = text.indexOf(`export async function ${fn}(`);
    if (start < 0) continue;
    const end = text.indexOf("\nexport ", start + 1);
    return /\bread: (\w+)/.exec(text.slice(start, end < 0 ? undefined : end))?.[1] ?? "json";
  }
  return "missing";
}

const success = (status: string): boolean => /^2/.test(status);
const bodyTypes = (o: OperationModel, pick: (status: string) => boolean): TypeModel[] =>
  Object.entries(o.responses).flatMap(([status, r]) => (pick(status) && r.type ? [r.type] : []));
const FUNCTION_KINDS = new Set(["function-renamed", "client-method-moved", "operation-moved", "operation-deprecated"]);

export function operationUnits(
  key: string,
  was: OperationModel,
  now: OperationModel,
  old: Client,
  neu: Client,
  report: ChangeReport,
): Unit[] {
  const own = report.changes.filter((c) => c.operation === key);
  const at = (test: (c: ApiChange) => boolean) => own.filter((c) => !FUNCTION_KINDS.has(c.kind) && !NAMES.has(c.kind) && test(c));
  const inRequest = (c: ApiChange) => c.identifier === now.paramsType || /\/(requestBody|parameters)(\/|$)/.test(c.pointer);
  const inErrors = (c: ApiChange) => c.identifier === now.errorType || /\/responses\/(?!2)[^/]+/.test(c.pointer);
  const reaches = (types: TypeModel[]) => new Set([...reach(types, old.model), ...reach(types, neu.model)]);
  const sent = (o: OperationModel) => [...Object.values(o.parameters).map((p) => p.type), ...(o.body ? [o.body.type] : [])];
  const reread = readingOf(old, was.function) !== readingOf(neu, now.function);
  return [
    {
      name: `${key} names`,
      direction: "both",
      names: { function: was.function, client: was.client.split(".") },
      own: own.filter((c) => FUNCTION_KINDS.has(c.kind)),
      reaches: new Set(),
    },
    {
      name: `${key} params`,
      direction: "request",
      // The arguments, so that params appearing where there were none (no `XParams` type yet) count too.
      types: { old: `Parameters<typeof Old.${was.function}>`, new: `Parameters<typeof New.${now.function}>` },
      own: at(inRequest),
      reaches: reaches([...sent(was), ...sent(now)]),
    },
    {
      name: `${key} result`,
      direction: "response",
      types: { old: `Awaited<ReturnType<typeof Old.${was.function}>>`, new: `Awaited<ReturnType<typeof New.${now.function}>>` },
      ...(reread ? { decided: "breaking" as const } : {}),
      own: at((c) => !inRequest(c) && !inErrors(c)),
      reaches: reaches([...bodyTypes(was, success), ...bodyTypes(now, success)]),
    },
    {
      name: `${key} errors`,
      direction: "response",
      types: { old: `Old.${was.errorType}`, new: `New.${now.errorType}` },
      own: at((c) => !inRequest(c) && inErrors(c)),
      reaches: reaches([...bodyTypes(was, (s) => !success(s)), ...bodyTypes(now, (s) => !success(s))]),
    },
  ];
}

export function schemaUnits(report: ChangeReport, old: Client, neu: Client): Unit[] {
  const direction = schemaDirections([old.model, neu.model]);
  return Object.keys(old.model.schemas)
    .filter((name) => Object.hasOwn(neu.model.schemas, name))
    .map((name) => {
      const [was, now] = [old.model.schemas[name]!, neu.model.schemas[name]!];
      const renamed = `the generated type ${was.identifier} is now ${now.identifier}`;
      return {
        name: `schema ${name}`,
        direction: direction(name),
        types: { old: `Old.${was.identifier}`, new: `New.${now.identifier}` },
        ...(was.identifier === now.identifier ? {} : { decided: "breaking" as const }),
        // The component's own rename is this unit's; the names of types hoisted out of it are not checked here.
        own: report.changes.filter((c) => c.schema === name && (!NAMES.has(c.kind) || c.message === renamed)),
        reaches: new Set([...reach([was.type], old.model), ...reach([now.type], neu.model)]),
      };
    });
}

/**
 * Changes to the names a client imports rather than to the types behind them (a schema added,
 * removed or renamed, a `match` helper gone with its discriminator): the types units compare
 * cannot see them.
 */
export const NAMES = new Set(["schema-added", "schema-removed", "type-renamed", "discriminator-removed"]);

/** Changes in the schemas a unit reaches, which its own types may or may not feel. */
export const reached = (unit: Unit, report: ChangeReport): ApiChange[] =>
  report.changes.filter((c) => c.schema !== undefined && unit.reaches.has(c.schema) && !unit.own.includes(c) && !NAMES.has(c.kind));
