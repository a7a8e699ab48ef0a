import { readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { median, run } from "./measure.js";

const TSC = join(import.meta.dirname, "..", "node_modules", "typescript", "bin", "tsc");

const STRICT = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipLibCheck: false, noEmit: true, types: [] as string[], lib: ["ES2023", "DOM"] };

/** Median `tsc --noEmit` milliseconds, strict and without skipLibCheck, of our output and the peer's. */
export function typeCheckTime(dir: string, ours: string, peerFile: string, times: number): { ours: number; peer: number } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const files = readdirSync(ours, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
  writeFileSync(join(dir, "ours.json"), JSON.stringify({ compilerOptions: STRICT, files }));
  writeFileSync(join(dir, "peer.json"), JSON.stringify({ compilerOptions: STRICT, files: [relative(dir, peerFile)] }));
  const time = (config: string): number => median(Array.from({ length: times }, () => run(TSC, ["-p", join(dir, config)]).ms));
  return { ours: time("ours.json"), peer: time("peer.json") };
}
