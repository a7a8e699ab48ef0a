import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgress } from "../generator/cli/progress.js";
import { runCli, scratchProject } from "./support/cli.js";
import { CLI } from "./support/paths.js";

const terminal = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe("the progress line", () => {
  it("shows the stage and counts on a terminal once the delay has passed, and clears itself", () => {
    const { stream, written } = terminal(true);
    const progress = createProgress(stream, {}, 0);
    progress.stage("emit", { operation: 1, schema: 17 });
    progress.stage("emit");
    progress.stage("format", { file: 6 });
    progress.done();
    expect(written.map((w) => w.replace(/\(\d+\.\d s\)/, "(t)"))).toEqual([
      "\r\x1b[2Kspecforge: writing TypeScript: 1 operation, 17 schemas… (t)",
      "\r\x1b[2Kspecforge: writing TypeScript: 1 operation, 17 schemas… (t)",
      "\r\x1b[2Kspecforge: formatting: 6 files… (t)",
      "\r\x1b[2K",
    ]);
  });

  it("shows nothing for a run shorter than the delay, when piped, or in CI", () => {
    for (const [isTTY, env, delay] of [
      [true, {}, 60_000],
      [false, {}, 0],
      [true, { CI: "true" }, 0],
    ] as const) {
      const { stream, written } = terminal(isTTY);
      const progress = createProgress(stream, env, delay);
      progress.stage("load");
      progress.done();
      expect(written).toEqual([]);
    }
  });
});

const SCRIPT = "/usr/bin/script";
if (!existsSync(SCRIPT)) console.warn("\n*** progress.test.ts: SKIPPING the pseudo-terminal runs: no /usr/bin/script (util-linux) ***\n");

describe.skipIf(!existsSync(SCRIPT))("the CLI on a pseudo-terminal", () => {
  /** Runs the CLI under `script`, which gives it a terminal for stdin, stdout and stderr. */
  const onTerminal = (dir: string, env: Record<string, string>): string =>
    spawnSync(SCRIPT, ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} generate --out out`, "/dev/null"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CI: "", ...env },
    }).stdout;

  it("shows each stage in place, then the summary on a clean line", () => {
    const output = onTerminal(scratchProject(), { SPECFORGE_PROGRESS_DELAY_MS: "0" });
    expect(output).toMatch(/^\r\x1b\[2Kspecforge: reading the spec… \(\d+\.\d s\)/);
    expect(output).toContain("specforge: writing TypeScript: 1 operation, 17 schemas… (");
    expect(output).toMatch(/\r\x1b\[2Kspecforge: 1 operation, 17 schemas -> out\/: 9 written, 0 unchanged \(\d+ ms\)\r\n$/);
  });

  it("shows nothing extra in CI, or before the delay", () => {
    for (const env of [{ CI: "true", SPECFORGE_PROGRESS_DELAY_MS: "0" }, { SPECFORGE_PROGRESS_DELAY_MS: "60000" }]) {
      const output = onTerminal(scratchProject(), env);
      expect(output).toMatch(/^specforge: 1 operation, 17 schemas -> out\/: 9 written, 0 unchanged \(\d+ ms\)\r\n$/);
    }
  });

  it("shows nothing when stderr is piped", () => {
    const result = runCli(["generate", "--out", join("out")], { cwd: scratchProject(), env: { SPECFORGE_PROGRESS_DELAY_MS: "0" } });
    expect(result.stderr).toBe("");
  });
});
