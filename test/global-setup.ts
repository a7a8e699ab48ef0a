import { execFileSync } from "node:child_process";
import { ROOT } from "./support/paths.js";

/** Tests run the CLI as users do, from dist/; the build makes sure it is current (and skips when it already is), so a stale bundle is never tested. */
export default function setup(): void {
  execFileSync(process.execPath, ["generator/build.mjs"], { cwd: ROOT, stdio: "inherit" });
}
