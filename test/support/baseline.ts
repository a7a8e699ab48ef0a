// An older revision's generator and change report, to measure what a change of them changed (the
// figures of test/change-figures.campaign.test.ts). The revision's generator/ and templates/ are
// read out of git into a temporary folder that borrows this tree's node_modules, and imported from
// their TypeScript source as this tree's tests are.
import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ChangeKind } from "../../generator/changes/classify.js";
import type { ApiModel, ChangeReport, Direction, Severity } from "../../generator/changes/model.js";
import type { RenderedFile } from "../../generator/files.js";
import type { Engine } from "./compat-oracle.js";
import { ROOT } from "./paths.js";

/** Whether this clone has the revision (a shallow clone or an exported tree may not). */
export function hasRevision(revision: string): boolean {
  try {
    execFileSync("git", ["-C", ROOT, "cat-file", "-e", `${revision}^{commit}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

interface Modules {
  pipeline: {
    generate(spec: string[], format: (files: RenderedFile[]) => Promise<RenderedFile[]>, worker: boolean): ReturnType<Engine["generate"]>;
  };
  diff: { diffApiModels(base: ApiModel, head: ApiModel): ChangeReport };
  classify: { classify(kind: ChangeKind, direction: Direction): Severity };
}

export async function engineAt(revision: string): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), `specforge-${revision}-`));
  const tar = join(dir, "tree.tar");
  execFileSync("git", ["-C", ROOT, "archive", "--format=tar", "-o", tar, revision, "generator", "templates", "package.json"]);
  execFileSync("tar", ["-xf", tar, "-C", dir]);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(dir, "generator", path)).href)) as T;
  const [pipeline, diff, classify] = await Promise.all([
    load<Modules["pipeline"]>("pipeline.ts"),
    load<Modules["diff"]>("changes/diff.ts"),
    load<Modules["classify"]>("changes/classify.ts"),
  ]);
  return {
    // Unformatted: the oracle compiles the output, and formatting changes no type.
    generate: (spec) => pipeline.generate([spec], async (files) => files, false),
    diff: diff.diffApiModels,
    classify: classify.classify,
  };
}
