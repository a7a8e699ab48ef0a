// A corpus worker thread: generates one spec, or compiles one batch of outputs, per message.
import { parentPort } from "node:worker_threads";
import { compileBatch } from "./compile-batch.js";
import { generateInto } from "./generate-one.js";

export type Job = { kind: "generate"; id: string; file: string; out: string } | { kind: "compile"; folders: string[] };

export type JobResult = Awaited<ReturnType<typeof generateInto>> | [string, string[]][];

parentPort!.on("message", async (job: Job) => {
  const result: JobResult = job.kind === "generate" ? await generateInto(job.id, job.file, job.out) : [...compileBatch(job.folders)];
  parentPort!.postMessage(result);
});
