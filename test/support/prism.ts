// Prism (`@stoplight/prism-cli`) as a request validator: started on a spec at a free port on
// 127.0.0.1, it reports what is wrong with each request in its `sl-violations` response header.
// ../shared/notes/prism.md says what it checks and where it cannot.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RenderedFile } from "../../generator/files.js";
import { closedPort } from "./http-server.js";
import { ROOT } from "./paths.js";

export interface Violation {
  location: string[];
  code?: string;
  message: string;
}

/** The complete entries of an `sl-violations` header; Prism cuts long ones to `Too many violations! [...]`. */
export function violationsOf(header: string | null): Violation[] {
  if (!header) return [];
  try {
    return JSON.parse(header) as Violation[];
  } catch {
    return [...header.matchAll(/\{"location":\[[^\]]*\][^{}]*\}/g)].flatMap((m) => {
      try {
        return [JSON.parse(m[0]) as Violation];
      } catch {
        return [];
      }
    });
  }
}

/** Violations that judge the client: those located in the request. */
export const requestViolations = (header: string | null): Violation[] => violationsOf(header).filter((v) => v.location[0] === "request");

export interface RunningPrism {
  baseUrl: string;
  /** Resolves once Prism answers; fails after `timeoutMs`, having stopped it. */
  ready(timeoutMs: number): Promise<void>;
  stop(): void;
}

/** Starts `prism mock <spec>` on a free port of 127.0.0.1 without waiting for it: it loads while the caller does other work. */
export async function launchPrism(spec: string): Promise<RunningPrism> {
  const port = await closedPort();
  const prism: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, "node_modules", "@stoplight", "prism-cli", "dist", "index.js"), "mock", spec, "-h", "127.0.0.1", "-p", String(port)],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = (): void => void prism.kill();
  const ready = async (timeoutMs: number): Promise<void> => {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      try {
        await fetch(baseUrl);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    stop();
    throw new Error(`Prism did not start on ${spec} within ${timeoutMs} ms`);
  };
  return { baseUrl, ready, stop };
}

/** Writes generated files under `dir`. */
export function writeFiles(dir: string, files: readonly RenderedFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}
