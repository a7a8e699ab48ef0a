import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SEED_SPEC = join(ROOT, "spec", "create-environment-variable.openapi.yaml");
export const GENERATED = join(ROOT, "generated");
export const CLI = join(ROOT, "dist", "cli.js");
export const FIXTURES = join(ROOT, "test", "fixtures");

/** The repository's own specs, one for each feature they stand for. */
export const FIXTURE_SPECS: Record<string, string> = {
  seed: SEED_SPEC,
  shelter: join(FIXTURES, "shelter-3.0.json"),
  zoo: join(FIXTURES, "zoo-3.1.yaml"),
  edges: join(FIXTURES, "edges-3.1.yaml"),
  "multi-file": join(FIXTURES, "multi-file", "openapi.yaml"),
  wire: join(FIXTURES, "wire.yaml"),
};
