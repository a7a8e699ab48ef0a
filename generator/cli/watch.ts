import { existsSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { generatorFingerprint, generatorKey, partsRead, specDigest, specInputs } from "../cache/inputs.js";
import { formatDiagnostic } from "../diagnostics.js";
import { DEFAULT_EMIT } from "../emit/modules.js";
import type { RenderedFile } from "../files.js";
import type { Input } from "../pipeline.js";
import { WatchSession } from "../watch/session.js";
import { writeChanged } from "../write/atomic.js";
import { applyPlan } from "../write/apply.js";
import { fingerprintFile } from "../write/fingerprint.js";
import { planOutput } from "../write/plan.js";
import { EXIT, plural } from "./exit.js";
import type { Io } from "./generate.js";

/** One API to keep generated: its inputs, its output folder, and whether warnings count as errors. */
export interface WatchedApi {
  input: Input;
  out: string;
  strict: boolean;
  /** Format the output with the user's prettier configuration, as `generate --prettier` does. */
  prettier?: boolean;
}

/** Files that may be part of a spec: a change to one of them in a watched folder regenerates. */
const SPEC_LIKE = /\.(ya?ml|json|md|markdown|mdx|txt)$/i;
/** Editors save in several steps (truncate, write, rename); one regeneration follows the last of them. */
const SETTLE_MS = 20;

/**
 * `generate --watch`: generates each API, then again whenever one of its inputs changes, from the
 * analysis kept in memory (watch/session.ts). Each changed file is written atomically. A save that
 * breaks the spec prints its diagnostics and leaves the output as the last good run wrote it; the
 * next good save regenerates. Ctrl-C (SIGINT) or SIGTERM stops it after the run in progress, and it
 * exits 0.
 */
export async function runWatch(apis: WatchedApi[], io: Io = process): Promise<number> {
  // Listened for from the start, so that Ctrl-C during the first runs also ends after them, cleanly.
  const stopped = new Promise<void>((stop) => {
    const onSignal = (): void => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      stop();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
  const generator = generatorFingerprint();
  const watchers: FSWatcher[] = [];
  const watched = new Set<string>();
  // Folders are added as runs find parts in new places; none is dropped while watching.
  const follow = (index: number, folders: Folder[]): void => {
    for (const { folder, recursive, accepts } of folders) {
      const key = `${index}\0${folder}\0${recursive}`;
      if (watched.has(key) || !existsSync(folder)) continue;
      watched.add(key);
      watchers.push(
        watch(folder, { recursive }, (_event, name) => {
          if (name !== null && accepts(String(name))) runs[index]!.schedule();
        }),
      );
    }
  };
  const runs = apis.map((api, i) => watchOne(api, generator, io, (parts) => follow(i, parts.map(partFolder))));
  for (const run of runs) await run.next();
  apis.forEach((api, i) => follow(i, watchedFolders(api.input.specs)));
  io.stdout.write(`specforge: watching ${plural(apis.length, "API")} (Ctrl-C stops).\n`);
  await stopped;
  for (const watcher of watchers) watcher.close();
  await Promise.all(runs.map((run) => run.idle()));
  io.stdout.write("specforge: stopped watching.\n");
  return EXIT.ok;
}

interface Folder {
  folder: string;
  recursive: boolean;
  accepts: (name: string) => boolean;
}

/** The folder of a part a spec references: its spec-like files. */
const partFolder = (file: string): Folder => ({ folder: dirname(file), recursive: false, accepts: (name) => SPEC_LIKE.test(name) });

/** The folders to watch for a set of inputs: a folder input whole, a file input's folder for that file and its spec-like neighbours. */
function watchedFolders(specs: readonly string[]): Folder[] {
  return specs.map((spec) => {
    const path = resolve(spec);
    if (existsSync(path) && statSync(path).isDirectory()) return { folder: path, recursive: true, accepts: (name) => SPEC_LIKE.test(name) };
    return { folder: dirname(path), recursive: false, accepts: (name) => name === basename(path) || SPEC_LIKE.test(name) };
  });
}

/** One API's runs: at most one at a time, and one more after it when a change came in meanwhile. */
function watchOne(api: WatchedApi, generator: string, io: Io, onParts: (files: string[]) => void) {
  const session = new WatchSession(api.input);
  const label = `${relative(process.cwd(), api.out) || "."}/`;
  let written: RenderedFile[] | undefined;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  // With --prettier, each file through the user's configuration; a file as it was last time is not formatted again.
  let userFormats = new Map<string, string>();
  const userFormatted = async (files: RenderedFile[]): Promise<RenderedFile[]> => {
    const { formatWithUserConfig } = await import("../format/prettier.js");
    const todo = files.filter((f) => !userFormats.has(f.content));
    const formatted = await formatWithUserConfig(todo, api.out);
    const known = new Map(todo.map((f, i) => [f.content, formatted[i]!.content]));
    for (const f of files) if (!known.has(f.content)) known.set(f.content, userFormats.get(f.content)!);
    userFormats = known;
    return files.map((f) => ({ path: f.path, content: known.get(f.content)! }));
  };

  const once = async (): Promise<void> => {
    const started = performance.now();
    const digest = specDigest(api.input.specs, api.out);
    const update = await session.update();
    for (const d of update.diagnostics) io.stderr.write(formatDiagnostic(d) + "\n");
    const warnings = update.diagnostics.filter((d) => d.severity === "warning").length;
    if (!update.ok || (api.strict && warnings > 0)) {
      io.stderr.write(`specforge: ${label} kept as the last good run wrote it; fix the spec and save again.\n`);
      return;
    }
    const parts = partsRead(update.analysis.inputs);
    // As generate records it, so that --check after a watch session finds the folder current.
    const key =
      generatorKey(generator, api.input.emit ?? DEFAULT_EMIT, api.input.naming) +
      (api.prettier ? `+prettier:${await (await import("../format/prettier.js")).userConfigFingerprint(api.out)}` : "");
    const files = api.prettier ? await userFormatted(update.files) : [...update.files];
    if (digest !== undefined)
      files.push(fingerprintFile({ generator: key, ...specInputs(digest, api.input.filters, parts, api.out) }, warnings, files));
    let changed: string[];
    if (written === undefined) {
      // The first run compares with the folder as it is, and applies all its changes or none.
      const plan = planOutput(api.out, files);
      applyPlan(api.out, plan);
      changed = plan.changes.map((c) => c.path);
    } else {
      const result = writeChanged(api.out, files, written);
      changed = [...result.written, ...result.removed];
    }
    written = files;
    onParts(parts.map((part) => part.file));
    const ms = Math.round(performance.now() - started);
    io.stdout.write(
      `specforge: ${label}: ${plural(changed.length, "file")} written (${ms} ms)${changed.length > 0 && changed.length <= 4 ? `: ${changed.join(", ")}` : ""}\n`,
    );
  };

  // Runs queue up behind each other: a change during a run gets a run of its own after it.
  const run = (): Promise<void> =>
    (running = running.then(async () => {
      try {
        await once();
      } catch (error) {
        io.stderr.write(`specforge: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
    }));

  return {
    next: run,
    schedule(): void {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), SETTLE_MS);
    },
    async idle(): Promise<void> {
      clearTimeout(timer);
      await running;
    },
  };
}
