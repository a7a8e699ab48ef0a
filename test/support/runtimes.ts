import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths.js";

/** A JavaScript runtime users run generated code on, and how to run a TypeScript file with it. */
export interface Runtime {
  name: string;
  /** The command and its arguments before the file. */
  command: string[];
  /** Whether it runs .ts files as they are (type stripping); Node 20 runs the JavaScript tsc emits. */
  runsTypeScript: boolean;
}

const RUNTIMES = join(ROOT, "runtimes", "node_modules");

/** The runtimes installed by `npm ci --prefix runtimes` (see runtimes/package.json), and Node 20 running the tests. */
export function findRuntimes(): { found: (Runtime & { version: string })[]; missing: string[] } {
  const candidates: Runtime[] = [
    { name: "Node 20", command: [process.execPath], runsTypeScript: false },
    { name: "Node 22", command: [join(RUNTIMES, "node22", "bin", "node")], runsTypeScript: true },
    { name: "Node 24", command: [join(RUNTIMES, "node24", "bin", "node")], runsTypeScript: true },
    { name: "Bun", command: [join(RUNTIMES, ".bin", "bun")], runsTypeScript: true },
    // No --sloppy-imports: the imports name the files as they are.
    { name: "Deno", command: [join(RUNTIMES, ".bin", "deno"), "run", "--allow-net"], runsTypeScript: true },
  ];
  const found: (Runtime & { version: string })[] = [];
  const missing: string[] = [];
  for (const runtime of candidates) {
    const [binary] = runtime.command;
    const version = existsSync(binary!) ? spawnSync(binary!, ["--version"], { encoding: "utf8" }).stdout.trim().split("\n")[0] : undefined;
    if (version && (runtime.name !== "Node 20" || version.startsWith("v20."))) found.push({ ...runtime, version });
    else missing.push(runtime.name);
  }
  return { found, missing };
}
