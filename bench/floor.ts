// The least any `generate` after a spec edit does, as a process of its own: start Node, then read,
// check and analyze the spec again (load, validate, IR, names, API model). It emits nothing.
import { analyze } from "../generator/pipeline.js";

const { model } = await analyze(process.argv[2]!);
if (!model) process.exit(2);
