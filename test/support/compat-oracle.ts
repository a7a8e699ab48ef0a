// The test oracle for the change report's verdicts: generate the client of each side, and ask
// TypeScript whether code written against the older one still compiles against the newer one
// (compiler-verdict.ts: request data assigned old to new, response data new to old, no property
// of the old type lost; a "notice" only for new enum values and tagged variants). It reads
// TypeScript's own types, and shares nothing with generator/changes but the report it checks and
// the way data flows (usage.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { classify, type ChangeKind } from "../../generator/changes/classify.js";
import { diffApiModels } from "../../generator/changes/diff.js";
import type { ApiChange, ApiModel, ChangeReport, Direction, Severity } from "../../generator/changes/model.js";
import { generate } from "../../generator/pipeline.js";
import type { RenderedFile } from "../../generator/files.js";
import { STRICT_FLAGS, ts } from "./compile.js";
import { compilerVerdict, namesKept, worst } from "./compiler-verdict.js";
import { operationUnits, reached, schemaUnits, type Client, type Unit } from "./oracle-units.js";

/** One unit a client uses: an operation's names, arguments, result or error type, or a component schema's type. */
export interface Verdict {
  case: string;
  unit: string;
  direction: Direction;
  /** What TypeScript says about code written against the older client. */
  compiler: Severity;
  /** The report's worst verdict on the unit itself. */
  own: Severity;
  /** The same, counting the changes in the schemas it reaches. */
  report: Severity;
  changes: string[];
}

/**
 * The generator and change report the oracle checks: this tree's, or an older revision's
 * (test/support/baseline.ts) to measure what changed.
 */
export interface Engine {
  generate(spec: string): Promise<{ ok: true; files: RenderedFile[]; model: ApiModel } | { ok: false; diagnostics: { message: string }[] }>;
  diff(base: ApiModel, head: ApiModel): ChangeReport;
  classify(kind: ChangeKind, direction: Direction): Severity;
}

export const CURRENT: Engine = { generate: (spec) => generate([spec]), diff: diffApiModels, classify };

export interface OracleCase {
  name: string;
  before: string;
  after: string;
}

/**
 * Whether the report and the compiler disagree: a breaking change (or a notice) the report misses,
 * counting what changed in the schemas the unit reaches; or a breaking change of its own the
 * compiler does not see. (A schema's breaking change need not reach every type that uses it: `X`
 * turning nullable changes nothing where `X | null` was used. Its own unit judges it.)
 */
export const disagrees = (v: Verdict): boolean =>
  (v.compiler === "breaking" && v.report !== "breaking") ||
  (v.compiler !== "breaking" && v.own === "breaking") ||
  (v.compiler === "notice" && v.report === "non-breaking");

async function generateClient(engine: Engine, spec: string, dir: string): Promise<Client> {
  const result = await engine.generate(spec);
  if (!result.ok) throw new Error(`${spec}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  for (const file of result.files) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return { dir, model: result.model, files: new Map(result.files.map((f) => [f.path, f.content])) };
}

/** The probe file of one case: every unit's types as exported aliases over the two clients. */
function probe(work: string, old: Client, neu: Client, units: Unit[]): string {
  const importOf = (client: Client) => `./${relative(work, client.dir)}/index.js`;
  const lines = [`import type * as Old from "${importOf(old)}";`, `import type * as New from "${importOf(neu)}";`];
  lines.push(`export type ClientNew = New.Client;`);
  units.forEach((u, j) => {
    if (u.names) lines.push(`export type U${j}Fn = typeof New.${u.names.function};`);
    if (u.types) lines.push(`export type U${j}Old = ${u.types.old};`, `export type U${j}New = ${u.types.new};`);
  });
  return lines.join("\n") + "\n";
}

/**
 * Every case's two clients are generated under `work`, and one TypeScript program checks all of
 * them (a client used by several cases is generated once).
 */
export async function runOracle(
  cases: OracleCase[],
  work: string,
  engine: Engine = CURRENT,
  /** Filled with each case's report, by case name. */
  reports?: Map<string, ChangeReport>,
): Promise<Verdict[]> {
  const clients = new Map<string, Promise<Client>>();
  const clientOf = (spec: string): Promise<Client> => {
    if (!clients.has(spec)) clients.set(spec, generateClient(engine, spec, join(work, `client${clients.size}`)));
    return clients.get(spec)!;
  };
  const probes: { file: string; units: (Unit & { inside: ApiChange[] })[]; name: string }[] = [];
  for (const [i, c] of cases.entries()) {
    const [old, neu] = [await clientOf(c.before), await clientOf(c.after)];
    const report = engine.diff(old.model, neu.model);
    reports?.set(c.name, report);
    const moved = new Map(report.operations.moved.map((m) => [m.from, m.to]));
    const units = [
      ...Object.keys(old.model.operations).flatMap((from) => {
        const to = moved.get(from) ?? from;
        const now = neu.model.operations[to];
        return now ? operationUnits(to, old.model.operations[from]!, now, old, neu, report) : [];
      }),
      ...schemaUnits(report, old, neu),
    ].map((unit) => ({ ...unit, inside: reached(unit, report) }));
    const file = join(work, `probe${i}.ts`);
    writeFileSync(file, probe(work, old, neu, units));
    probes.push({ file, units, name: c.name });
  }
  const options: ts.CompilerOptions = {
    ...STRICT_FLAGS,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  };
  const roots = probes.map((p) => p.file);
  const program = ts.createProgram(roots, options);
  /**
   * The compiler's verdict on one unit. TypeScript caches what it related, results found under the
   * assumptions of a recursive comparison included, so an answer can depend on the questions asked
   * before it: one that disagrees with the report is asked again of a fresh checker (the program's
   * parsed files reused), which has heard nothing else.
   */
  const verdictOf = (checker: ts.TypeChecker, file: string, unit: Unit, j: number): Severity => {
    const source = program.getSourceFile(file)!;
    const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => [s.name, s]));
    const typeOf = (name: string): ts.Type => checker.getDeclaredTypeOfSymbol(exported.get(name)!);
    if (unit.decided) return unit.decided;
    if (unit.names) return namesKept(checker, typeOf(`U${j}Fn`), typeOf("ClientNew"), unit.names.client) ? "non-breaking" : "breaking";
    return compilerVerdict(checker, typeOf(`U${j}Old`), typeOf(`U${j}New`), unit.direction);
  };
  const shared = program.getTypeChecker();
  return probes.flatMap((p) =>
    p.units.map((unit, j): Verdict => {
      const severity = (c: ApiChange) => engine.classify(c.kind, unit.direction);
      const verdict: Verdict = {
        case: p.name,
        unit: unit.name,
        direction: unit.direction,
        compiler: verdictOf(shared, p.file, unit, j),
        own: worst(unit.own.map(severity)),
        report: worst([...unit.own, ...unit.inside].map(severity)),
        changes: [...unit.own, ...unit.inside].map((c) => `${severity(c)} ${c.kind} ${c.identifier}.${c.member}: ${c.message}`),
      };
      if (disagrees(verdict))
        verdict.compiler = verdictOf(ts.createProgram(roots, options, undefined, program).getTypeChecker(), p.file, unit, j);
      return verdict;
    }),
  );
}
