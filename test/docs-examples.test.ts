import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { diagnosticsByFile } from "./support/compile.js";
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
  // Each example in a folder of its own inside the repository (an ESM package), so that
  // `./generated/index.js` resolves as it does for a user; all of them compiled in one program.
  const entries = new Map(examples.map((e) => [e.name, join(ROOT, ".tmp", "docs-examples", e.name, "example.ts")]));
  let errors: Map<string, string[]>;

  beforeAll(() => {
    for (const { name, spec, code } of examples) {
      const dir = dirname(entries.get(name)!);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      if (spec === undefined) {
        writeFileSync(join(dir, "generated.ts"), 'export * from "../../../generated/index.js";\n');
      } else {
        const generated = runCli(["generate", "--spec", join(ROOT, spec), "--out", join(dir, "out")]);
        expect(generated.status, generated.stderr).toBe(0);
        writeFileSync(join(dir, "generated.ts"), 'export * from "./out/index.js";\n');
      }
      writeFileSync(entries.get(name)!, `export {};\n${code.replaceAll('"./generated/index.js"', '"./generated.js"')}`);
    }
    errors = diagnosticsByFile([...entries.values()], "nodenext");
  }, 300_000);

  it("exist", () => expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(["usage", "types", "wire"])));

  it.each(examples.map((e) => e.name))("%s compiles strictly", (name) => {
    expect(errors.get(entries.get(name)!)).toEqual([]);
  });
});
