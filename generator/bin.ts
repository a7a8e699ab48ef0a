#!/usr/bin/env node
// The `specforge` command. Node 22.1+ can keep V8's compiled code of every module in a cache on
// disk, so a run after the first skips compiling the generator and its dependencies; Node 20 has
// no such switch and compiles as usual. Enabled before anything else is imported.
import module from "node:module";

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./cli.js");
