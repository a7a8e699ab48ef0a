// `npm run bench`: the figures of docs/performance.md, against openapi-typescript in the same run.
import { buildSync } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleSize } from "./bundle-size.js";
import { median, pairs, run, type Sample } from "./measure.js";
import { stageProfile } from "./profile.js";
import { availableSpecs, namedSpecs } from "./specs.js";
import { syntheticSpec } from "./synthetic-spec.js";
import { typeCheckTimes } from "./type-check.js";
import { watchEditTimes } from "./watch.js";

const ROOT = join(import.meta.dirname, "..");
const CLI = join(ROOT, "dist", "cli.js");
const OTS = join(ROOT, "node_modules", "openapi-typescript", "bin", "cli.js");
const HEY_API = join(ROOT, "node_modules", "@hey-api", "openapi-ts", "bin", "run.js");
const SPEC = join(ROOT, "..", "shared", "specs", "elevenlabs", "openapi.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// With --spec, only those specs' cold generation is timed.
const named = namedSpecs(process.argv.slice(2));
if (named.length === 0 && !existsSync(SPEC)) {
  console.error(`bench: ${SPEC} is missing; the benchmark needs the full ElevenLabs spec.`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "specforge-bench-"));
const results: Record<string, unknown> = { runs: RUNS, node: process.version };
const rows: string[][] = [];
const fmt = (s: Sample[]): string =>
  `${(median(s.map((x) => x.ms)) / 1000).toFixed(2)} s, ${median(s.map((x) => x.rssMiB)).toFixed(0)} MiB`;
const report = (name: string, ours: Sample[], peer: Sample[] | undefined, ratios: number[] | undefined, target: string): void => {
  const ratio = ratios ? median(ratios) : undefined;
  rows.push([name, fmt(ours), peer ? fmt(peer) : "", ratio === undefined ? "" : `${ratio.toFixed(2)}x`, target]);
  results[name] = { ours, peer, medianRatio: ratio };
};
function printTable(): void {
  const header = ["measure", "specforge", "openapi-typescript", "ratio", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, widths.map((w) => "-".repeat(w)), ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join(" | "));
}
const fresh = (name: string): string => {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
};
// The run cache lives in the working directory's node_modules/.cache: an empty folder as the
// working directory is a machine that never ran the generator on this output.
const noCache = (): { cwd: string } => {
  const cwd = fresh("no-cache");
  mkdirSync(cwd);
  return { cwd };
};

// 1. Cold generation of the full client (no output), against openapi-typescript's types-only run,
// for each real spec, or only for the specs named with --spec.
for (const { name, path } of named.length > 0 ? named : availableSpecs()) {
  const cold = pairs(
    RUNS,
    () => run(CLI, ["generate", "--spec", path, "--out", fresh(`cold-${name}`)], noCache()),
    () => run(OTS, [path, "-o", join(work, `ots-${name}.ts`)]),
  );
  report(`cold generation (${name})`, cold.ours, cold.peer, cold.ratios, "<= 0.7x, memory <= 1.0x");
  const memory = median(cold.ours.map((s) => s.rssMiB)) / median(cold.peer.map((s) => s.rssMiB));
  rows.push([`  peak memory (${name})`, "", "", `${memory.toFixed(2)}x`, "<= 1.0x"]);
  (results[`cold generation (${name})`] as Record<string, unknown>).memoryRatio = memory;
}

if (named.length > 0) {
  printTable();
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// 2. With the output present: --check when current (as on a fresh clone: the output's committed
// fingerprint is all it uses), and generate after a one-schema edit of the same spec file.
const current = join(work, "current");
run(CLI, ["generate", "--spec", SPEC, "--out", current]);
const check = pairs(
  RUNS,
  () => run(CLI, ["generate", "--check", "--spec", SPEC, "--out", current], noCache()),
  () => run(OTS, [SPEC, "-o", join(work, "ots-ElevenLabs.ts"), "--check"]),
);
report("--check, output current", check.ours, check.peer, check.ratios, "<= 0.15x");
const edited = join(work, "spec", "openapi.json");
mkdirSync(join(work, "spec"), { recursive: true });
const spec = JSON.parse(readFileSync(SPEC, "utf8"));
let edits = 0;
writeFileSync(edited, JSON.stringify(spec));
run(CLI, ["generate", "--spec", edited, "--out", join(work, "edit")]);
const edit = pairs(
  RUNS,
  () => {
    // Each run gives one schema a new property (in place of the last run's), on an output
    // generated from the previous text: a type, its guard and the API model change.
    const properties = spec.components.schemas.AddProjectResponseModel.properties;
    delete properties[`benchmark_${edits}`];
    properties[`benchmark_${++edits}`] = { type: "string", description: "Added by the benchmark." };
    writeFileSync(edited, JSON.stringify(spec));
    return run(CLI, ["generate", "--spec", edited, "--out", join(work, "edit")]);
  },
  () => run(OTS, [edited, "-o", join(work, "ots-edit.ts")]),
);
report("generate after a one-schema edit", edit.ours, edit.peer, edit.ratios, "<= 0.4x");
// The same edit under `generate --watch`, which keeps the analysis in memory: the time until its files are written.
const watchEdit = await watchEditTimes(CLI, SPEC, join(work, "watch"), RUNS, (spec) => run(OTS, [spec, "-o", join(work, "ots-watch.ts")]));
report("generate --watch: files written after a one-schema edit", watchEdit.ours, watchEdit.peer, watchEdit.ratios, "<= 0.1x");
// What no edit can avoid without state kept between runs (bench/floor.ts).
const FLOOR = join(ROOT, "dist-bench", "floor.js");
buildSync({
  entryPoints: [join(ROOT, "bench", "floor.ts")],
  bundle: true,
  splitting: false,
  platform: "node",
  format: "esm",
  packages: "external",
  outfile: FLOOR,
  logLevel: "warning",
});
const floor = pairs(
  RUNS,
  () => run(FLOOR, [edited]),
  () => run(OTS, [edited, "-o", join(work, "ots-edit.ts")]),
);
report("floor of an edit: re-read and analyze the spec", floor.ours, floor.peer, floor.ratios, "");

// 3. Growth on the synthetic ElevenLabs-shaped spec, up to about 5,000 operations (3 per unit of 40 at scale 1).
const growth: Record<number, Sample[]> = {};
const SCALES = [1, 4, 16, 42];
for (const scale of SCALES) {
  const file = join(work, `synthetic-${scale}.json`);
  writeFileSync(file, JSON.stringify(syntheticSpec(scale)));
  growth[scale] = Array.from({ length: scale >= 16 ? Math.min(RUNS, 3) : RUNS }, () =>
    run(CLI, ["generate", "--spec", file, "--out", fresh(`synthetic-${scale}`)], noCache()),
  );
  report(`synthetic ${scale}x (${scale * 120} operations)`, growth[scale]!, undefined, undefined, "");
}
// Linear growth: each step's time per added operation no more than the first step's, within noise.
const at = (scale: number): number => median(growth[scale]!.map((s) => s.ms));
const marginal = SCALES.slice(1).map((scale, i) => (at(scale) - at(SCALES[i]!)) / ((scale - SCALES[i]!) * 120));
rows.push([
  "ms per added operation, 1x->4x->16x->42x",
  marginal.map((m) => m.toFixed(2)).join(" / "),
  "",
  "",
  "linear: no step dearer than 1.3x the first",
]);
results.growth = { scales: SCALES, marginalMsPerOperation: marginal };

// 4. Type-check cost of the output: all of it, and its types alone (what openapi-typescript
// generates), against openapi-typescript's types and, for scale, hey-api's whole client.
const heyApi = join(work, "hey-api");
run(HEY_API, ["-i", SPEC, "-o", heyApi]);
const tsc = typeCheckTimes(
  join(work, "tsc"),
  [
    { name: "ours", path: current },
    { name: "oursTypes", path: join(current, "types.ts") },
    { name: "ots", path: join(work, "ots-ElevenLabs.ts") },
    { name: "heyApi", path: heyApi, errorsExpected: true },
  ],
  RUNS,
);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const ratio = (ms: number): string => `${(ms / tsc.ots!).toFixed(2)}x`;
rows.push(["tsc --noEmit of the output", seconds(tsc.ours!), seconds(tsc.ots!), ratio(tsc.ours!), "<= 1.0x"]);
rows.push(["tsc --noEmit, types.ts alone", seconds(tsc.oursTypes!), seconds(tsc.ots!), ratio(tsc.oursTypes!), ""]);
rows.push(["tsc --noEmit, hey-api's client (peer)", seconds(tsc.heyApi!), seconds(tsc.ots!), ratio(tsc.heyApi!), ""]);
results.typeCheck = tsc;

// 5. Bundle size of an app calling one operation.
const seedBytes = bundleSize(
  join(work, "bundle-seed"),
  join(ROOT, "generated"),
  "createEnvironmentVariable",
  "{ body: { type: 'string', label: 'l', values: { production: 'v' } } }",
);
const fullBytes = bundleSize(join(work, "bundle-full"), current, "listHistory", "{}");
rows.push(["one-operation bundle, gzip (seed)", `${seedBytes} B`, "", "", "<= 1,200 B"]);
rows.push(["one-operation bundle, gzip (full spec)", `${fullBytes} B`, "", "", ""]);
results.bundle = { seed: seedBytes, full: fullBytes };

// 6. Where the time goes, per spec.
for (const { name, path } of availableSpecs()) {
  const profile = await stageProfile(path);
  rows.push([
    `profile (${name}, in-process)`,
    Object.entries(profile)
      .map(([k, v]) => `${k} ${Math.round(v)} ms`)
      .join(", "),
    "",
    "",
    "",
  ]);
  results[`profile (${name})`] = profile;
}

printTable();
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(join(ROOT, "bench", "results", "latest.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`\nbench/results/latest.json written (${RUNS} runs each, medians).`);
rmSync(work, { recursive: true, force: true });
