// The least any `generate` after a spec edit does, as a process of its own: start Node, read,
// check and analyze the spec again (load, validate, IR, names, API model), and load TypeScript,
// which ts-morph needs to print the edited schema's type (from the code cache the generator's
// runs keep). It emits nothing.
import { analyze } from "../generator/pipeline.js";

const { model } = await analyze(process.argv[2]!);
await import("../generator/emit/ts-morph.js");
if (!model) process.exit(2);
