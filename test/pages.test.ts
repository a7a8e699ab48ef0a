import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../generator/diagnostics.js";
import { readPages } from "../generator/load/markdown.js";
import { generate } from "../generator/pipeline.js";
import { generated, page, tempFiles, withoutHeaders } from "./support/inputs.js";
import { FIXTURES } from "./support/paths.js";
import { SHARED, sharedAvailable } from "./support/shared.js";

const SEED_PAGE = join(SHARED, "seed", "create-environment-variable.md");
const SEED_YAML = join(SHARED, "seed", "create-environment-variable.openapi.yaml");
const PAGES = join(FIXTURES, "pages");

const MINI = (path: string, id: string, tag: string): string => `
openapi: 3.1.0
info:
  title: api
  version: 1.0.0
paths:
  ${path}:
    get:
      operationId: ${id}
      tags:
        - ${tag}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
components:
  schemas:
    Thing:
      type: object
      properties:
        id:
          type: string
`;

describe.runIf(sharedAvailable(SEED_PAGE, "the seed documentation page"))("the seed page", () => {
  it("generates exactly what its YAML alone generates, headers included (they name no spec file)", async () => {
    const fromPage = await generated(SEED_PAGE);
    const fromYaml = await generated(SEED_YAML);
    expect(fromPage.diagnostics).toEqual([]);
    expect(withoutHeaders(fromPage.files)).toEqual(withoutHeaders(fromYaml.files));
    expect(fromPage.files.find((f) => f.path === "types.ts")!.content).toBe(fromYaml.files.find((f) => f.path === "types.ts")!.content);
  });

  it("locates what it reports in the .md file: lines and columns of the page", async () => {
    const text = readFileSync(SEED_PAGE, "utf8").replace(
      "$ref: '#/components/schemas/HTTPValidationError'",
      "$ref: '#/components/schemas/Nope'",
    );
    const dir = tempFiles({ "seed.md": text });
    const result = await generate(join(dir, "seed.md"));
    const dangling = result.diagnostics.find((d) => d.code === "W_REF_DANGLING")!;
    const lines = text.split("\n");
    expect(dangling.file).toBe(join(dir, "seed.md"));
    expect(lines[dangling.line! - 1]!.slice(dangling.column! - 1)).toBe("$ref: '#/components/schemas/Nope'");
    expect(dangling.pointer).toBe("/paths/~1v1~1convai~1environment-variables/post/responses/422/content/application~1json/schema/$ref");
  });
});

describe("pages as input", () => {
  it("a YAML syntax error in the block is reported at its line and column in the page", () => {
    const text = page("Broken", MINI("/things", "list", "things").replace("      operationId: list", "      operationId: [list"));
    const dir = tempFiles({ "broken.md": text });
    const diagnostics: Diagnostic[] = [];
    expect(readPages(join(dir, "broken.md"), diagnostics)).toEqual([]);
    const first = diagnostics[0]!;
    expect(first.code).toBe("E_SYNTAX");
    // The error is at or after the line with the unclosed bracket, within the block.
    const broken = text.split("\n").findIndex((l) => l.includes("[list")) + 1;
    expect(first.line).toBeGreaterThanOrEqual(broken);
    expect(first.line).toBeLessThan(text.split("\n").findIndex((l) => l.startsWith("## SDK")) + 1);
  });

  it("takes a JSON block, and a block indented under a list item", () => {
    const json = JSON.stringify({ openapi: "3.1.0", info: { title: "j", version: "1" }, paths: {} }, null, 2);
    const text = `# J\n\n## OpenAPI Specification\n\n- the document:\n\n  \`\`\`json\n${json
      .split("\n")
      .map((l) => `  ${l}`)
      .join("\n")}\n  \`\`\`\n`;
    const dir = tempFiles({ "j.md": text });
    const diagnostics: Diagnostic[] = [];
    const [source] = readPages(join(dir, "j.md"), diagnostics);
    expect(diagnostics).toEqual([]);
    expect(source!.document).toEqual(JSON.parse(json));
    // The key `"paths"` is where the page has it, two more spaces in than in the block.
    const at = source!.locate("/paths")!;
    expect(text.split("\n")[at.line - 1]!.slice(at.column - 1)).toBe('"paths": {}');
    expect(at.column).toBe(5);
  });

  it("a page without an OpenAPI block -> E_PAGE_NO_SPEC; in a folder, such a page (a README) is skipped", async () => {
    const dir = tempFiles({
      "README.md": "# Notes\n\n```yaml\nnot: a spec\n```\n",
      "things.md": page("Things", MINI("/things", "list", "things")),
    });
    const alone = await generate(join(dir, "README.md"));
    expect(alone.diagnostics.map((d) => [d.code, d.file])).toEqual([["E_PAGE_NO_SPEC", join(dir, "README.md")]]);
    const folder = await generated(dir);
    expect(folder.api.operations.map((o) => o.path)).toEqual(["/things"]);
  });

  it("a file of many pages one after another (llms-full.txt) is one input per page, and equals the pages given one by one", async () => {
    const pages = ["list-environment-variables.md", "get-environment-variable.md", "update-environment-variable.md"].map((name) =>
      readFileSync(join(PAGES, name), "utf8"),
    );
    const guide = "# A guide page\n\nProse with a code block that is no spec:\n\n```yaml\nkey: value\n```\n";
    const dir = tempFiles({ "llms-full.txt": [guide, ...pages].join("\n") });
    const full = await generated(join(dir, "llms-full.txt"));
    const oneByOne = await generated(
      ["list-environment-variables.md", "get-environment-variable.md", "update-environment-variable.md"].map((n) => join(PAGES, n)),
    );
    expect(full.diagnostics).toEqual([]);
    expect(full.api.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "get /v1/convai/environment-variables",
      "get /v1/convai/environment-variables/{env_var_id}",
      "patch /v1/convai/environment-variables/{env_var_id}",
    ]);
    const { inputs: _full, ...fullModel } = full.model;
    const { inputs: _pages, ...pagesModel } = oneByOne.model;
    expect(fullModel).toEqual(pagesModel);
    const code = (files: typeof full.files) => withoutHeaders(files.filter((f) => !f.path.startsWith(".specforge/")));
    expect(code(full.files)).toEqual(code(oneByOne.files));
  });

  it("a problem in the third page of a multi-page file is located in that page's lines", async () => {
    const pages = [
      page("A", MINI("/a", "list", "a")),
      page("B", MINI("/b", "list", "b")),
      page("C", MINI("/c", "list", "c").replace("'#/components/schemas/Thing'", "'#/components/schemas/Gone'")),
    ];
    const text = pages.join("\n");
    const dir = tempFiles({ "all.txt": text });
    const result = await generate(join(dir, "all.txt"));
    const dangling = result.diagnostics.find((d) => d.code === "W_REF_DANGLING")!;
    expect(text.split("\n")[dangling.line! - 1]).toContain("'#/components/schemas/Gone'");
    expect(dangling.line).toBeGreaterThan(pages[0]!.split("\n").length + pages[1]!.split("\n").length);
  });
});
