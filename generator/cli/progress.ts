import type { Stage } from "../pipeline.js";
import { plural } from "./exit.js";

/** Reports the stage a run is in; `done` clears what it showed. */
export interface Progress {
  stage(stage: Stage, counts?: Record<string, number>): void;
  done(): void;
}

const WORDS: Record<Stage, string> = {
  load: "reading the spec",
  validate: "validating",
  merge: "merging the inputs",
  ir: "building the model",
  names: "naming",
  model: "recording the API model",
  emit: "writing TypeScript",
  format: "formatting",
};

const CLEAR = "\r\x1b[2K";

interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A one-line status on stderr for runs longer than `delayMs` (2 s): the stage, what it works on,
 * and the time so far, rewritten in place and cleared at the end. Only on a terminal: nothing
 * when stderr is piped or in CI, where logs keep every byte.
 */
export function createProgress(
  stream: Terminal = process.stderr,
  env: Record<string, string | undefined> = process.env,
  delayMs = Number(env.SPECFORGE_PROGRESS_DELAY_MS ?? 2000),
): Progress {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "0" && env.CI !== "false";
  if (!stream.isTTY || ci) return { stage: () => undefined, done: () => undefined };
  const started = performance.now();
  let line: string | undefined;
  let current: { stage: Stage; counts: string } | undefined;
  let shown = false;
  const paint = (): void => {
    const elapsed = performance.now() - started;
    if (line === undefined || elapsed < delayMs) return;
    stream.write(`${CLEAR}specforge: ${line} (${(elapsed / 1000).toFixed(1)} s)`);
    shown = true;
  };
  // The stages run on this thread: the clock ticks between them, and while prettier's worker formats.
  const timer = setInterval(paint, 250);
  timer.unref();
  return {
    stage(stage, counts) {
      // A stage entered again (types.ts after the other files) keeps the counts it was given.
      const words =
        counts &&
        Object.entries(counts)
          .map(([noun, n]) => plural(n, noun))
          .join(", ");
      const kept = words ?? (current?.stage === stage ? current.counts : "");
      current = { stage, counts: kept };
      line = `${WORDS[stage]}${kept ? `: ${kept}` : ""}…`;
      paint();
    },
    done() {
      clearInterval(timer);
      if (shown) stream.write(CLEAR);
    },
  };
}
