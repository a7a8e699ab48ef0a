import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "./support/compile.js";
import { ROOT } from "./support/paths.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const examples = [...readme.matchAll(/<!-- readme-example: ([\w-]+)[^>]*-->\n```ts\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, code: m[2]! }));

describe("README examples", () => {
  it("exist", () => expect(examples.map((e) => e.name)).toContain("usage"));

  it.each(examples.map((e) => [e.name, e.code]))("%s compiles strictly against generated/", (name, code) => {
    // Written into the repository so `./generated/index.js` resolves as it does for a user.
    const dir = join(ROOT, ".tmp", "readme");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, `export {};\n${code.replaceAll('"./generated/', '"../../generated/')}`);
    expect(typeCheck([file], "nodenext")).toEqual([]);
  });
});
