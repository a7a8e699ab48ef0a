import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SEED_SPEC = join(ROOT, "spec", "create-environment-variable.openapi.yaml");
export const GENERATED = join(ROOT, "generated");
export const CLI = join(ROOT, "dist", "cli.js");
export const FIXTURES = join(ROOT, "test", "fixtures");
