import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { OutputPlan } from "./plan.js";

/**
 * Applies a plan so that the output folder is either entirely old or entirely new: the new state is
 * built in a sibling temporary folder (a copy of the old one, user files included) and swapped in
 * with two renames. Anything that fails before the swap leaves the folder untouched.
 */
export function applyPlan(outDir: string, plan: OutputPlan): void {
  if (plan.changes.length === 0) return;
  const parent = dirname(outDir);
  const staging = join(parent, `.${basename(outDir)}.specforge-new-${process.pid}`);
  const previous = join(parent, `.${basename(outDir)}.specforge-old-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    if (existsSync(outDir)) cpSync(outDir, staging, { recursive: true });
    else mkdirSync(staging, { recursive: true });
    for (const change of plan.changes) {
      const target = join(staging, change.path);
      if (change.kind === "removed") {
        rmSync(target);
      } else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, change.after);
      }
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}
