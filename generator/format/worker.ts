import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * prettier in a worker thread, so that on a large spec formatting runs on another core while the
 * main thread prints types with ts-morph. One worker: with the main thread that makes two busy
 * threads, and a second worker measured slower and 40 MiB heavier on two cores. The worker starts
 * early (it takes a moment to load prettier), stays unreferenced while idle so it never keeps the
 * process alive, and is reused by later runs in the same process.
 */

/**
 * The whole worker program. Until its first job arrives it formats a sample of the code the
 * generator writes, so that prettier is loaded and compiled by the JIT when the real work comes:
 * cold, prettier runs at about half speed, and the main thread keeps the worker waiting anyway.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const ready = import(workerData.prettier).then((m) => m.format ?? m.default.format);
let working = false;
parentPort.on("message", async ({ id, text, options }) => {
  working = true;
  try {
    parentPort.postMessage({ id, text: await (await ready)(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
ready.then(async (format) => {
  for (let i = 0; i < workerData.warmUps && !working; i++) await format(workerData.sample, workerData.options);
}).catch(() => {});
`;

/** Generated-looking code for the warm-up: an interface, a union, a guard, an operation. */
const WARM_UP_SAMPLE = `/** A sample. */
export interface Sample { /** The id. */ id: string; kind?: "a" | "b" | null; items: { name: string; size?: number }[]; [key: string]: unknown }
export type SampleError = ApiError<400, unknown> | ApiError<404, unknown> | ApiError<422, HTTPValidationError>;
export function isSample(value: unknown): value is Sample { return isRecord(value) && typeof value.id === "string" && (!("kind" in value) || value.kind === "a" || value.kind === "b" || value.kind === null); }
export async function getSample(params: GetSampleParams, options?: RequestOptions): Promise<Sample> {
  return request({ operation: "getSample", method: "GET", path: \`/v1/samples/\${segment(params.sampleId)}\`, query: query({ page_size: params.pageSize }), headers: { "xi-api-key": params.xiApiKey } }, options);
}
`;

/** Enough warm-up rounds to cover the wait for the main thread's first job on a large spec. */
const WARM_UP_ROUNDS = 40;

/**
 * prettier's garbage is short-lived; a young generation this size collects it as fast as V8's
 * default (measured on the full ElevenLabs output) and keeps the process about 20 MiB smaller.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

interface Job {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Job>();
let nextId = 0;

/** Starts the worker; later calls reuse it. */
export function startFormatWorker(options: object): void {
  if (worker) return;
  const prettier = pathToFileURL(createRequire(import.meta.url).resolve("prettier")).href;
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { prettier, options, sample: WARM_UP_SAMPLE, warmUps: WARM_UP_ROUNDS },
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  started.on("message", (message: { id: number; text?: string; error?: string }) => {
    const job = pending.get(message.id)!;
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    if (message.error !== undefined) job.reject(new Error(`prettier: ${message.error}`));
    else job.resolve(message.text!);
  });
  // A worker that crashes or stops fails its jobs, so no run waits for it; later runs format in-process.
  const fail = (error: Error): void => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    if (worker === started) worker = undefined;
  };
  started.on("error", fail);
  started.on("messageerror", fail);
  started.on("exit", (code) => fail(new Error(`prettier: the formatting worker stopped (exit code ${code})`)));
  // After the listeners: adding a message listener references the worker again.
  started.unref();
  worker = started;
}

/** Formats `text` on the worker; undefined when none was started. */
export function formatOnWorker(text: string, options: object): Promise<string> | undefined {
  const running = worker;
  if (!running) return undefined;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.ref();
    running.postMessage({ id, text, options });
  });
}
