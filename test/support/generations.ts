import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { basename, join } from "node:path";
import { generatorFingerprint, specDigest } from "../../generator/cache/inputs.js";
import { runCli, type CliResult } from "./cli.js";
import { recordedOnce } from "./once.js";
import { ROOT } from "./paths.js";

const GENERATIONS = join(ROOT, ".tmp", "generations");

/**
 * What `specforge generate --spec <spec>` writes and prints, made once for every test file that
 * needs the output of a large spec (the full ElevenLabs API takes a whole-spec run each time).
 * Keyed by the fingerprints `--check` itself trusts: the generator (its code, templates and
 * dependency versions) and the spec's bytes, so a change to either generates again (the specs
 * given here are single files, without parts). Under .tmp/, where
 * vitest will import the generated TypeScript (it would not from node_modules).
 */
export function generatedOnce(spec: string): CliResult & { out: string } {
  const key = createHash("sha256")
    .update(generatorFingerprint())
    .update("\0")
    .update(specDigest([spec], ROOT) ?? `${spec}\0${Date.now()}`)
    .digest("hex")
    .slice(0, 24);
  const out = join(GENERATIONS, `${basename(spec)}-${key}`);
  const result = recordedOnce(GENERATIONS, `${basename(spec)}-${key}`, () => {
    rmSync(out, { recursive: true, force: true });
    return runCli(["generate", "--spec", spec, "--out", out]);
  });
  return { ...result, out };
}
