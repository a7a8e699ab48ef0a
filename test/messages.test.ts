import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

/** Runs `generate` on a spec written from `lines`, and returns what it printed on stderr, its own lines. */
function stderrOf(name: string, lines: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "specforge-messages-"));
  writeFileSync(join(dir, name), lines.join("\n") + "\n");
  const result = runCli(["generate", "--spec", name, "--out", "out"], { cwd: dir });
  expect(result.status).toBe(2);
  return result.stderr.trimEnd().split("\n");
}

const HINT = "  hint: Fix the syntax at this position; a YAML or JSON linter shows the surrounding structure.";
const NOTHING = "specforge: nothing was written (out/ does not exist).";

describe("syntax errors: one per problem, at the place to fix, in words, with a code frame", () => {
  it("an unclosed double quote is reported at its opening quote, not at the end of the file", () => {
    const lines = ["openapi: 3.1.0", "info:", '  title: "unclosed', "  version: '1'", "paths: {}", "components:", "  schemas: {}"];
    expect(stderrOf("spec.yaml", lines)).toEqual([
      "spec.yaml:3:10 error E_SYNTAX: YAML syntax error: this double-quoted string is never closed",
      "    2 | info:",
      '  > 3 |   title: "unclosed',
      "      |          ^",
      HINT,
      NOTHING,
    ]);
  });

  it("an unclosed single quote likewise", () => {
    expect(stderrOf("spec.yaml", ["openapi: 3.1.0", "info:", "  title: 'it''s", "  version: '1'", "paths: {}"])[0]).toBe(
      "spec.yaml:3:10 error E_SYNTAX: YAML syntax error: this single-quoted string is never closed",
    );
  });

  it("an unclosed flow mapping or sequence is reported at its opening bracket", () => {
    expect(stderrOf("spec.yaml", ["openapi: 3.1.0", "info: {title: t, version: '1'", "paths: {}"])[0]).toBe(
      "spec.yaml:2:7 error E_SYNTAX: YAML syntax error: this { flow mapping is never closed with }",
    );
    expect(stderrOf("spec.yaml", ["openapi: 3.1.0", "info: {title: t, version: '1'}", "tags: [a, b", "paths: {}"])[0]).toBe(
      "spec.yaml:3:7 error E_SYNTAX: YAML syntax error: this [ flow sequence is never closed with ]",
    );
  });

  it("one bad line gives one diagnostic, not the parser's cascade; two bad lines give two", () => {
    const oneBad = [
      "openapi: 3.1.0",
      "info: {title: t, version: '1'}",
      "paths:",
      "  /a:",
      "    post:",
      "      operationId: create",
      "     broken: [",
      "      responses: {}",
    ];
    expect(stderrOf("spec.yaml", oneBad)).toEqual([
      "spec.yaml:7:6 error E_SYNTAX: YAML syntax error: All mapping items must start at the same column",
      "    6 |       operationId: create",
      "  > 7 |      broken: [",
      "      |      ^",
      HINT,
      NOTHING,
    ]);
    const twoBad = ["openapi: 3.1.0", "info:", "  title: t", '  version: "1', "paths: {}", "tags: [a, b"];
    const lines = stderrOf("spec.yaml", twoBad).filter((l) => l.startsWith("spec.yaml:"));
    expect(lines).toEqual([
      "spec.yaml:4:12 error E_SYNTAX: YAML syntax error: this double-quoted string is never closed",
      "spec.yaml:6:7 error E_SYNTAX: YAML syntax error: this [ flow sequence is never closed with ]",
    ]);
  });

  it("a JSON trailing comma is named in words, at the comma", () => {
    expect(stderrOf("spec.json", ["{", '  "openapi": "3.1.0",', '  "paths": {},', "}"])).toEqual([
      "spec.json:3:14 error E_SYNTAX: JSON syntax error: a comma after the last item (JSON allows none)",
      '    2 |   "openapi": "3.1.0",',
      '  > 3 |   "paths": {},',
      "      |              ^",
      HINT,
      NOTHING,
    ]);
  });

  it("other JSON errors in words: an unclosed object at its brace, an unclosed string at its quote, a missing comma", () => {
    expect(stderrOf("spec.json", ["{", '  "openapi": "3.1.0",', '  "paths": {'])[0]).toBe(
      "spec.json:3:12 error E_SYNTAX: JSON syntax error: this { object is never closed with }",
    );
    expect(stderrOf("spec.json", ["{", '  "openapi": "3.1.0,', '  "paths": {}', "}"])[0]).toBe(
      "spec.json:2:14 error E_SYNTAX: JSON syntax error: this string is never closed",
    );
    expect(stderrOf("spec.json", ["{", '  "openapi": "3.1.0"', '  "paths": {}', "}"])[0]).toBe(
      "spec.json:3:3 error E_SYNTAX: JSON syntax error: a comma was expected between the items",
    );
  });
});

describe("file-level errors", () => {
  it("carry no `at #` when the pointer is the whole document", () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-messages-"));
    const result = runCli(["generate", "--spec", "missing.yaml", "--out", "out"], { cwd: dir });
    expect(result.stderr).toBe(
      "missing.yaml error E_SPEC_NOT_FOUND: No spec file or folder at missing.yaml.\n" +
        "  hint: Pass --spec <file|folder> (repeat it for several inputs); the default is spec/.\n" +
        `${NOTHING}\n`,
    );
  });
});

describe("usage errors", () => {
  it.each([
    [["generate", "--sepc", "api.yaml"], "Unknown option: --sepc. Did you mean --spec?"],
    [["--ot", "src"], "Unknown option: --ot. Did you mean --out?"],
    [["generate", "--import-extention", ".ts"], "Unknown option: --import-extention. Did you mean --import-extension?"],
    [["compare", "--bsae", "a.yaml"], "Unknown option: --bsae. Did you mean --base?"],
    [["generat"], "Unknown command: generat. Did you mean generate?"],
    [["inti"], "Unknown command: inti. Did you mean init?"],
    [["generate", "--zzz"], "Unknown option: --zzz."],
  ])("%j -> %s", (args, message) => {
    const result = runCli(args, { cwd: tmpdir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`specforge: ${message}\nRun with --help for usage.\n`);
  });

  it("--help shows examples", () => {
    const help = runCli(["generate", "--help"]).stdout;
    expect(help).toContain("Examples:\n  specforge generate ");
    expect(help).toMatch(/specforge generate --check\s+in CI: exit 1/);
    expect(runCli(["compare", "--help"]).stdout).toMatch(/specforge compare --base old\.yaml --spec\s+the API changes from old\.yaml to/);
  });
});
