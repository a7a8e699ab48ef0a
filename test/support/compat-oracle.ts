// The test oracle for the change report's verdicts: generate the client of each side, and ask
// TypeScript whether code written against the older one still compiles against the newer one.
// Request data (the function's arguments) must let the old type be assigned to the new one;
// response data (results, errors) the new to the old; either way every property of the old type
// must still be there (keeps-properties.ts: an object literal may not set a removed property, a
// reader may not read one). Where the new type does not fit, the change is a "notice" only when
// every failure is a new enum value (a literal among literals of its primitive type) or a new
// variant of a tagged union (open-assignable.ts). This reads TypeScript's own types, and shares
// nothing with generator/changes but the report it checks and the way data flows (usage.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { classify } from "../../generator/changes/classify.js";
import { diffApiModels } from "../../generator/changes/diff.js";
import type { ApiChange, ApiModel, ChangeReport, Direction, OperationModel, Severity, TypeModel } from "../../generator/changes/model.js";
import { schemaDirections } from "../../generator/changes/usage.js";
import { generate } from "../../generator/pipeline.js";
import { STRICT_FLAGS, ts } from "./compile.js";
import { keepsProperties } from "./keeps-properties.js";
import { openlyAssignable } from "./open-assignable.js";

/** One unit a client uses: an operation's params, result, error type, names, or a component schema's type. */
export interface Verdict {
  case: string;
  unit: string;
  direction: Direction;
  /** What TypeScript says about code written against the older client. */
  compiler: Severity;
  /** The report's worst verdict on the unit, counting changes in the schemas it reaches. */
  report: Severity;
  changes: string[];
}

export interface OracleCase {
  name: string;
  before: string;
  after: string;
}

interface Client {
  dir: string;
  model: ApiModel;
  files: Map<string, string>;
}

/** Changes to the names a client imports, not to the types behind them. */
const NAMES = new Set(["schema-added", "schema-removed", "type-renamed"]);

const RANK: Record<Severity, number> = { "non-breaking": 0, notice: 1, breaking: 2 };
const worst = (list: Severity[]): Severity => list.reduce<Severity>((a, b) => (RANK[b] > RANK[a] ? b : a), "non-breaking");

/** Whether the verdicts disagree: a breaking change either side alone, or a notice the report calls non-breaking. */
export const disagrees = (v: Verdict): boolean =>
  (v.compiler === "breaking") !== (v.report === "breaking") || (v.compiler === "notice" && v.report === "non-breaking");

async function generateClient(spec: string, dir: string): Promise<Client> {
  const result = await generate([spec]);
  if (!result.ok) throw new Error(`${spec}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  for (const file of result.files) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return { dir, model: result.model, files: new Map(result.files.map((f) => [f.path, f.content])) };
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

interface Unit {
  name: string;
  direction: Direction;
  /** Type expressions over `Old` and `New`, or a verdict decided without types. */
  types?: { old: string; new: string };
  decided?: Severity;
  /** For the names unit: the older function and client path, to find in the newer client. */
  names?: { function: string; client: string[] };
  changes: ApiChange[];
  reaches: Set<string>;
}

const success = (status: string): boolean => /^2/.test(status);
const bodyTypes = (o: OperationModel, pick: (status: string) => boolean): TypeModel[] =>
  Object.entries(o.responses).flatMap(([status, r]) => (pick(status) && r.type ? [r.type] : []));

function operationUnits(key: string, was: OperationModel, now: OperationModel, old: Client, neu: Client, changes: ApiChange[]): Unit[] {
  const own = changes.filter((c) => c.operation === key);
  const fnKinds = new Set(["function-renamed", "client-method-moved", "operation-moved", "operation-deprecated"]);
  const at = (test: (c: ApiChange) => boolean) => own.filter((c) => !fnKinds.has(c.kind) && test(c));
  const inRequest = (c: ApiChange) => c.identifier === now.paramsType || /\/(requestBody|parameters)(\/|$)/.test(c.pointer);
  const inErrors = (c: ApiChange) => c.identifier === now.errorType || /\/responses\/(?!2)[^/]+/.test(c.pointer);
  const reaches = (types: TypeModel[]) => new Set([...reach(types, old.model), ...reach(types, neu.model)]);
  const sent = (o: OperationModel) => [...Object.values(o.parameters).map((p) => p.type), ...(o.body ? [o.body.type] : [])];
  const path = (o: OperationModel) => o.client.split(".");
  const reread = readingOf(old, was.function) !== readingOf(neu, now.function);
  return [
    {
      name: `${key} names`,
      direction: "both",
      names: { function: was.function, client: path(was) },
      changes: own.filter((c) => fnKinds.has(c.kind)),
      reaches: new Set(),
    },
    {
      name: `${key} params`,
      direction: "request",
      // The arguments, so that params appearing where there were none (no `XParams` type yet) count too.
      types: { old: `Parameters<typeof Old.${was.function}>`, new: `Parameters<typeof New.${now.function}>` },
      changes: at(inRequest),
      reaches: reaches([...sent(was), ...sent(now)]),
    },
    {
      name: `${key} result`,
      direction: "response",
      types: { old: `Awaited<ReturnType<typeof Old.${was.function}>>`, new: `Awaited<ReturnType<typeof New.${now.function}>>` },
      ...(reread ? { decided: "breaking" as const } : {}),
      changes: at((c) => !inRequest(c) && !inErrors(c)),
      reaches: reaches([...bodyTypes(was, success), ...bodyTypes(now, success)]),
    },
    {
      name: `${key} errors`,
      direction: "response",
      types: { old: `Old.${was.errorType}`, new: `New.${now.errorType}` },
      changes: at((c) => !inRequest(c) && inErrors(c)),
      reaches: reaches([...bodyTypes(was, (s) => !success(s)), ...bodyTypes(now, (s) => !success(s))]),
    },
  ];
}

function schemaUnits(report: ChangeReport, old: Client, neu: Client): Unit[] {
  const direction = schemaDirections([old.model, neu.model]);
  return Object.keys(old.model.schemas)
    .filter((name) => Object.hasOwn(neu.model.schemas, name))
    .map((name) => {
      const [was, now] = [old.model.schemas[name]!, neu.model.schemas[name]!];
      const unit: Unit = {
        name: `schema ${name}`,
        direction: direction(name),
        types: { old: `Old.${was.identifier}`, new: `New.${now.identifier}` },
        changes: report.changes.filter((c) => c.schema === name),
        reaches: new Set([...reach([was.type], old.model), ...reach([now.type], neu.model)]),
      };
      return was.identifier === now.identifier ? unit : { ...unit, decided: "breaking" as const };
    });
}

/**
 * Every case's two clients are generated under `work`, and one TypeScript program checks all of
 * them. `work` must be inside the repository, so that the generated code finds `@types/node`.
 */
export async function runOracle(cases: OracleCase[], work: string): Promise<Verdict[]> {
  const clients = new Map<string, Promise<Client>>();
  const clientOf = (spec: string): Promise<Client> => {
    if (!clients.has(spec)) clients.set(spec, generateClient(spec, join(work, `client${clients.size}`)));
    return clients.get(spec)!;
  };
  const probes: { file: string; units: Unit[]; name: string }[] = [];
  for (const [i, c] of cases.entries()) {
    const [old, neu] = [await clientOf(c.before), await clientOf(c.after)];
    const report = diffApiModels(old.model, neu.model);
    const moved = new Map(report.operations.moved.map((m) => [m.from, m.to]));
    const units = [
      ...Object.keys(old.model.operations).flatMap((from) => {
        const to = moved.get(from) ?? from;
        const now = neu.model.operations[to];
        return now ? operationUnits(to, old.model.operations[from]!, now, old, neu, report.changes) : [];
      }),
      ...schemaUnits(report, old, neu),
    ];
    for (const unit of units) {
      // Names a client imports are their own matter: a component's at its schema unit, a hoisted type's not checked here.
      if (!unit.name.startsWith("schema ")) unit.changes = unit.changes.filter((ch) => !NAMES.has(ch.kind));
      const inside = report.changes.filter(
        (ch) => ch.schema !== undefined && unit.reaches.has(ch.schema) && !unit.changes.includes(ch) && !NAMES.has(ch.kind),
      );
      unit.changes.push(...inside);
    }
    const file = join(work, `probe${i}.ts`);
    const importOf = (client: Client) => `./${relative(work, client.dir)}/index.js`;
    const lines = [`import type * as Old from "${importOf(old)}";`, `import type * as New from "${importOf(neu)}";`];
    lines.push(`export type ClientNew = New.Client;`);
    units.forEach((u, j) => {
      if (u.names) lines.push(`export type U${j}Fn = typeof New.${u.names.function};`);
    });
    units.forEach((u, j) => {
      if (u.types) lines.push(`export type U${j}Old = ${u.types.old};`, `export type U${j}New = ${u.types.new};`);
    });
    writeFileSync(file, lines.join("\n") + "\n");
    probes.push({ file, units, name: c.name });
  }
  const program = ts.createProgram(
    probes.map((p) => p.file),
    {
      ...STRICT_FLAGS,
      skipLibCheck: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    },
  );
  const checker = program.getTypeChecker();
  const verdicts: Verdict[] = [];
  for (const probe of probes) {
    const source = program.getSourceFile(probe.file)!;
    const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => [s.name, s]));
    const typeOf = (name: string): ts.Type => checker.getDeclaredTypeOfSymbol(exported.get(name)!);
    /** The older function is still exported under its name, and its client method is where it was. */
    const namesKept = (j: number, path: string[]): boolean => {
      if (checker.getDeclaredTypeOfSymbol(exported.get(`U${j}Fn`)!).flags & ts.TypeFlags.Any) return false;
      let type = typeOf("ClientNew");
      for (const segment of path) {
        const property = type.getProperty(segment);
        if (!property) return false;
        type = checker.getTypeOfSymbol(property);
      }
      return type.getCallSignatures().length > 0;
    };
    probe.units.forEach((unit, j) => {
      let compiler: Severity = unit.decided ?? "non-breaking";
      if (unit.names) compiler = namesKept(j, unit.names.client) ? "non-breaking" : "breaking";
      if (unit.decided === undefined && unit.types) {
        const [was, now] = [typeOf(`U${j}Old`), typeOf(`U${j}New`)];
        // A type the older client did not export (no error statuses yet) was never written against; one the newer lacks is gone.
        const missing = (t: ts.Type): boolean => (t.flags & ts.TypeFlags.Any) !== 0;
        const kept = keepsProperties(checker, was, now);
        const request = (): Severity => (kept && checker.isTypeAssignableTo(was, now) ? "non-breaking" : "breaking");
        const response = (): Severity =>
          !kept
            ? "breaking"
            : checker.isTypeAssignableTo(now, was)
              ? "non-breaking"
              : openlyAssignable(checker, now, was)
                ? "notice"
                : "breaking";
        compiler = missing(was)
          ? "non-breaking"
          : missing(now)
            ? "breaking"
            : unit.direction === "request"
              ? request()
              : unit.direction === "response"
                ? response()
                : worst([request(), response()]);
      }
      const report = worst(unit.changes.map((c) => classify(c.kind, unit.direction)));
      const changes = unit.changes.map((c) => `${classify(c.kind, unit.direction)} ${c.kind} ${c.identifier}.${c.member}: ${c.message}`);
      verdicts.push({ case: probe.name, unit: unit.name, direction: unit.direction, compiler, report, changes });
    });
  }
  return verdicts;
}
