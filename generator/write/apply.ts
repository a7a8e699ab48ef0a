import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { OutputPlan } from "./plan.js";

/**
 * Applies a plan so that a failure leaves the output folder exactly as it was. A new folder is
 * built whole beside its place and renamed into it. An existing one is changed in place as a
 * transaction, touching only the files that change (a one-schema edit rewrites three of a hundred
 * files; copying and deleting the whole folder was a tenth of such a run): every new text is first
 * written to a temporary file beside its target, where a full disk, a permission or a file in the
 * way of a folder fails before anything has changed; then each target is moved aside and its new
 * text renamed over it, and a failure there moves back what was moved.
 */
export function applyPlan(outDir: string, plan: OutputPlan): void {
  if (plan.changes.length === 0) return;
  if (existsSync(outDir)) applyInPlace(outDir, plan);
  else createWhole(outDir, plan);
}

/** A temporary name beside `target`: a dot-file no other run (another process id) uses. */
const beside = (target: string, kind: string): string => join(dirname(target), `.${basename(target)}.specforge-${kind}-${process.pid}`);

function createWhole(outDir: string, plan: OutputPlan): void {
  const staging = beside(outDir, "new");
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const change of plan.changes) {
      const target = join(staging, change.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, change.after);
    }
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

interface Step {
  target: string;
  /** The new text, written before any target changes; none for a removal. */
  temporary?: string;
  /** Where the old file went while the plan is applied; none for an added file. */
  backup?: string;
  done: boolean;
}

function applyInPlace(outDir: string, plan: OutputPlan): void {
  const created: string[] = [];
  const steps: Step[] = plan.changes.map((change) => ({
    target: join(outDir, change.path),
    ...(change.kind === "added" ? {} : { backup: beside(join(outDir, change.path), "old") }),
    done: false,
  }));
  try {
    plan.changes.forEach((change, i) => {
      if (change.kind === "removed") return;
      const step = steps[i]!;
      const folder = mkdirSync(dirname(step.target), { recursive: true });
      if (folder !== undefined) created.push(folder);
      step.temporary = beside(step.target, "new");
      writeFileSync(step.temporary, change.after);
    });
    for (const step of steps) {
      if (step.backup) renameSync(step.target, step.backup);
      step.done = true;
      if (step.temporary) renameSync(step.temporary, step.target);
      delete step.temporary;
    }
  } catch (error) {
    for (const step of steps.toReversed()) {
      if (step.temporary) rmSync(step.temporary, { force: true });
      if (!step.done) continue;
      if (step.backup) renameSync(step.backup, step.target);
      else rmSync(step.target, { force: true });
    }
    for (const folder of created.toReversed()) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  for (const step of steps) if (step.backup) rmSync(step.backup, { force: true });
}
