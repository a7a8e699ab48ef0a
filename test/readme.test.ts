import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { typeCheck } from "./support/compile.js";
import { ROOT } from "./support/paths.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
/** `<!-- readme-example: NAME [spec=FILE] ... -->` followed by a ts block. Without spec, the seed's generated/. */
const examples = [...readme.matchAll(/<!-- readme-example: ([\w-]+)(?: spec=(\S+))?[^>]*-->\n```ts\n([\s\S]*?)```/g)].map((m) => ({
  name: m[1]!,
  spec: m[2],
  code: m[3]!,
}));

describe("README examples", () => {
  it("exist", () => expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(["usage", "types"])));

  it.each(examples.map((e) => [e.name, e]))("%s compiles strictly", (_name, { name, spec, code }) => {
    // Written inside the repository (an ESM package) so `./generated/index.js` resolves as it does for a user.
    const dir = join(ROOT, ".tmp", "readme", name);
    mkdirSync(dir, { recursive: true });
    if (spec === undefined) {
      writeFileSync(join(dir, "generated.ts"), 'export * from "../../../generated/index.js";\n');
    } else {
      expect(runCli(["generate", "--spec", join(ROOT, spec), "--out", join(dir, "out")]).status).toBe(0);
      writeFileSync(join(dir, "generated.ts"), 'export * from "./out/index.js";\n');
    }
    const file = join(dir, "example.ts");
    writeFileSync(file, `export {};\n${code.replaceAll('"./generated/index.js"', '"./generated.js"')}`);
    expect(typeCheck([file], "nodenext")).toEqual([]);
  });
});
