import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { typeCheck } from "./support/compile.js";
import { ROOT } from "./support/paths.js";

/** The README and every page under docs/: what users read. */
const pages = ["README.md", ...readdirSync(join(ROOT, "docs")).map((f) => `docs/${f}`)].filter((f) => f.endsWith(".md"));
/** `<!-- example: NAME [spec=FILE] ... -->` followed by a ts block. Without spec, the seed's generated/. */
const examples = pages.flatMap((page) =>
  [...readFileSync(join(ROOT, page), "utf8").matchAll(/<!-- example: ([\w-]+)(?: spec=(\S+))?[^>]*-->\n```ts\n([\s\S]*?)```/g)].map(
    (m) => ({
      name: m[1]!,
      spec: m[2],
      code: m[3]!,
    }),
  ),
);

describe("examples in the README and docs/", () => {
  it("exist", () => expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(["usage", "types", "wire"])));

  it.each(examples.map((e) => [e.name, e]))("%s compiles strictly", (_name, { name, spec, code }) => {
    // Written inside the repository (an ESM package) so `./generated/index.js` resolves as it does for a user.
    const dir = join(ROOT, ".tmp", "docs-examples", name);
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
