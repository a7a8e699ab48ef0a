import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { Worker } from "node:worker_threads";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import type { GenerateArgs, Io } from "./generate.js";
import type { ReportArgs } from "./report-options.js";
import { EXIT, plural } from "./exit.js";
import { loadConfig, type ResolvedApi } from "../config/load.js";

/** The flags of `generate` that apply to every API of a config. */
export interface ConfigFlags extends ReportArgs {
  check: boolean;
  strict: boolean;
  /** Format every API's output with the user's prettier configuration (an API's own `prettier` also can). */
  prettier?: boolean;
  /** Keep every API generated as its inputs change, in this process. */
  watch?: boolean;
}

/** One API's run, as a worker reports it: its exit code and what it printed. */
interface ApiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a worker is given: the config to read again (its naming hooks are functions) and which API to run. */
interface Job {
  file: string;
  index: number;
  flags: ConfigFlags;
}

/**
 * `generate` with a config: every API, several at once on worker threads (one per core), each to
 * its own output folder. One API's failure does not stop the others; each failed output folder is
 * left as it was, and the exit code is the worst of all (2 if any failed). Each API's messages
 * are printed together, in the config's order.
 */
export async function runConfig(file: string, flags: ConfigFlags, io: Io = process): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  const apis = await loadConfig(file, diagnostics);
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d) + "\n");
  if (!apis) {
    io.stderr.write(`specforge: ${relative(process.cwd(), file)} is not a usable config; nothing was generated.\n`);
    return EXIT.badInput;
  }
  if (flags.watch) {
    const { runWatch } = await import("./watch.js");
    const watched = apis.map((api) => ({
      input: {
        specs: api.specs,
        ...(api.filters && { filters: api.filters }),
        ...(api.naming && { naming: api.naming }),
        emit: { importExtension: api.importExtension ?? ".js" },
      },
      out: api.out,
      strict: flags.strict || api.strict === true,
      prettier: flags.prettier === true || api.prettier === true,
    }));
    return runWatch(watched, io);
  }
  if (apis.length === 1) return runApi(apis[0]!, flags, io);
  const results: Promise<ApiResult>[] = [];
  const slots = Math.max(1, Math.min(apis.length, availableParallelism()));
  let next = 0;
  const start = (): void => {
    const index = next++;
    if (index >= apis.length) return;
    results[index] = onWorker({ file, index, flags }).finally(start);
  };
  for (let i = 0; i < slots; i++) start();
  const codes: number[] = [];
  for (let i = 0; i < apis.length; i++) {
    // Later results may still be coming in; `start` queued every API before the first await.
    const result = await results[i]!;
    io.stdout.write(`specforge: [${apis[i]!.name}]\n${result.stdout}`);
    io.stderr.write(result.stderr);
    codes.push(result.code);
  }
  const failed = apis.filter((_, i) => codes[i] === EXIT.badInput).map((a) => a.name);
  io.stdout.write(
    `specforge: ${plural(apis.length, "API")}${failed.length > 0 ? `; failed, left as they were: ${failed.join(", ")}` : ""}.\n`,
  );
  return codes.includes(EXIT.badInput) ? EXIT.badInput : Math.max(EXIT.ok, ...codes);
}

/** The generate arguments of one API of a config. */
function argsOf(api: ResolvedApi, flags: ConfigFlags): GenerateArgs {
  return {
    ...flags,
    spec: api.specs,
    out: api.out,
    outLabel: relative(process.cwd(), api.out) || ".",
    strict: flags.strict || api.strict === true,
    keepUnusedSchemas: false,
    // Options of the output that other commands' flags set are passed on as the flags would be.
    ...(api.importExtension === undefined ? {} : { importExtension: api.importExtension }),
    prettier: flags.prettier === true || api.prettier === true,
  };
}

async function runApi(api: ResolvedApi, flags: ConfigFlags, io: Io): Promise<number> {
  const { runGenerate } = await import("./generate.js");
  return runGenerate(argsOf(api, flags), io, { ...(api.filters && { filters: api.filters }), ...(api.naming && { naming: api.naming }) });
}

/** Runs one API of a config on this thread with its output buffered: what a worker does. */
export async function runApiJob(job: Job): Promise<ApiResult> {
  const buffered = { stdout: "", stderr: "" };
  const io: Io = {
    stdout: { write: (text: string) => (buffered.stdout += text) },
    stderr: { write: (text: string) => (buffered.stderr += text) },
  };
  const diagnostics: Diagnostic[] = [];
  const apis = await loadConfig(job.file, diagnostics);
  const api = apis?.[job.index];
  if (!api) return { code: EXIT.badInput, stdout: "", stderr: diagnostics.map(formatDiagnostic).join("\n") + "\n" };
  const code = await runApi(api, job.flags, io);
  return { code, ...buffered };
}

/** The worker program: it imports this module (the bundle's chunk that holds it) and runs one job. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.module)
  .then((m) => m.runApiJob(workerData.job))
  .then(
    (result) => parentPort.postMessage(result),
    (error) => parentPort.postMessage({ code: 2, stdout: "", stderr: "specforge: internal error: " + String((error && error.stack) || error) + "\\n" }),
  );
`;

function onWorker(job: Job): Promise<ApiResult> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: import.meta.url, job } });
    let settled = false;
    worker.once("message", (result: ApiResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      if (!settled) resolve({ code: EXIT.badInput, stdout: "", stderr: `specforge: internal error: ${error.stack ?? error.message}\n` });
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled)
        resolve({ code: EXIT.badInput, stdout: "", stderr: `specforge: the worker for API ${job.index + 1} exited with code ${code}.\n` });
      settled = true;
    });
  });
}
