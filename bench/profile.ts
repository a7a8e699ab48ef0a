import { generate } from "../generator/pipeline.js";

/** Milliseconds per pipeline stage for one in-process generation (the run after a warm-up). */
export async function stageProfile(spec: string): Promise<Record<string, number>> {
  await generate(spec);
  const { timings } = await generate(spec);
  return timings as Record<string, number>;
}
