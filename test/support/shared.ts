import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths.js";

/** Data under ../shared (third-party specs) that some tests read; never copied into the repo. */
export const SHARED = join(ROOT, "..", "shared");
export const ELEVENLABS_SPEC = join(SHARED, "specs", "elevenlabs", "openapi.json");
export const HEY_API_FIXTURES = join(SHARED, "specs", "fixtures", "hey-api");

/** True when the path exists; otherwise says loudly which tests are skipped and why. */
export function sharedAvailable(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  console.warn(`\n!!! SKIPPED: ${what} needs ${path}, which is absent. These tests did NOT run. !!!\n`);
  return false;
}
