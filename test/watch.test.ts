import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../generator/pipeline.js";
import { WatchSession, type Update } from "../generator/watch/session.js";
import { snapshotTree } from "./support/cli.js";
import { tempFiles } from "./support/inputs.js";
import { cpSync } from "node:fs";
import { CLI, FIXTURES, SEED_SPEC } from "./support/paths.js";

type Spec = { components: { schemas: Record<string, any> }; paths: Record<string, any> };

/** The files of a session's update and of a full run of the same spec: they must be the same bytes. */
async function expectSameAsFullRun(update: Update, spec: string): Promise<void> {
  const full = await generate(spec);
  if (!update.ok || !full.ok) throw new Error("expected both to generate");
  const contents = (files: { path: string; content: string }[]) => Object.fromEntries(files.map((f) => [f.path, f.content]));
  expect(contents(update.files)).toEqual(contents(full.files));
  expect(update.diagnostics.map((d) => [d.code, d.pointer, d.line]).sort()).toEqual(
    full.diagnostics.map((d) => [d.code, d.pointer, d.line]).sort(),
  );
}

describe("a watch session", () => {
  const seed = parse(readFileSync(SEED_SPEC, "utf8")) as Spec;

  it("gives, edit after edit, the bytes a full run gives; schema edits take the short way", async () => {
    const dir = tempFiles({});
    const file = join(dir, "openapi.json");
    const spec = structuredClone(seed);
    const save = () => writeFileSync(file, JSON.stringify(spec, null, 2));
    save();
    const session = new WatchSession({ specs: [file] });
    const first = await session.update();
    expect(first.ok && first.short).toBe(false);
    const edits: [string, () => void, boolean][] = [
      ["a property added", () => (spec.components.schemas.EnvironmentVariableSecretValue.properties.note = { type: "string" }), true],
      [
        "a property's type changed",
        () => (spec.components.schemas.EnvironmentVariableSecretValue.properties.note = { type: ["integer", "null"] }),
        true,
      ],
      [
        "a nested inline object",
        () => (spec.components.schemas.ValidationError.properties.ctx = { type: "object", properties: { a: { type: "string" } } }),
        true,
      ],
      [
        "a dangling ref (a warning, located)",
        () => (spec.components.schemas.ValidationError.properties.ctx = { $ref: "#/components/schemas/Nope" }),
        true,
      ],
      [
        "a schema in a union's member",
        () => (spec.components.schemas.EnvironmentVariableAuthConnectionValue.properties.x = { type: "boolean" }),
        true,
      ],
      ["an enum value (its keys are names)", () => spec.components.schemas.EnvironmentVariableResponseType.enum.push("extra"), false],
      ["an operation", () => (spec.paths["/v1/convai/environment-variables"].post.summary = "Changed"), false],
      ["a new schema", () => (spec.components.schemas.Added = { type: "object", properties: { a: { type: "string" } } }), false],
      [
        "the first edit again, after full runs",
        () => (spec.components.schemas.EnvironmentVariableSecretValue.properties.note = { type: "string" }),
        true,
      ],
    ];
    for (const [what, edit, short] of edits) {
      edit();
      save();
      const update = await session.update();
      expect([what, update.ok && update.short]).toEqual([what, short]);
      await expectSameAsFullRun(update, file);
    }
  });

  it("an edit of a schema whose properties a required list elsewhere copies takes the long way", async () => {
    const dir = tempFiles({});
    const file = join(dir, "openapi.json");
    const spec = structuredClone(seed);
    spec.components.schemas.Base = { type: "object", properties: { id: { type: "string" } } };
    spec.components.schemas.Extended = { allOf: [{ $ref: "#/components/schemas/Base" }], required: ["id"] };
    writeFileSync(file, JSON.stringify(spec));
    const session = new WatchSession({ specs: [file] });
    expect((await session.update()).ok).toBe(true);
    spec.components.schemas.Base.properties.id = { type: "integer" };
    writeFileSync(file, JSON.stringify(spec));
    const update = await session.update();
    expect(update.ok && update.short).toBe(false);
    await expectSameAsFullRun(update, file);
    expect(update.ok && update.files.find((f) => f.path === "types.ts")?.content).toContain(
      "export type Extended = Base & { id: number };",
    );
  });

  it("a broken save gives diagnostics and no files; the next good save recovers", async () => {
    const dir = tempFiles({ "openapi.json": JSON.stringify(seed) });
    const file = join(dir, "openapi.json");
    const session = new WatchSession({ specs: [file] });
    expect((await session.update()).ok).toBe(true);
    writeFileSync(file, JSON.stringify(seed).slice(0, -10));
    const broken = await session.update();
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["E_SYNTAX"]);
    const schema = structuredClone(seed);
    schema.components.schemas.ValidationError.properties.loc = { $ref: "#/components/schemas/Nope" };
    schema.components.schemas.ValidationError.properties.bad = { $ref: "#not-a-pointer" };
    writeFileSync(file, JSON.stringify(schema));
    const invalid = await session.update();
    expect(invalid.ok).toBe(false);
    expect(invalid.diagnostics.map((d) => d.code)).toContain("E_REF_INVALID");
    writeFileSync(file, JSON.stringify(seed));
    const recovered = await session.update();
    expect(recovered.ok).toBe(true);
    await expectSameAsFullRun(recovered, file);
  });
});

/** A running `generate --watch`, with a way to wait for a line on stdout or stderr. */
function watching(args: string[]) {
  const child = spawn(process.execPath, [CLI, "generate", "--watch", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) if (w.test()) waiters.splice(waiters.indexOf(w), 1) && w.resolve();
  };
  child.stdout.on("data", (chunk: Buffer) => ((stdout += chunk.toString()), check()));
  child.stderr.on("data", (chunk: Buffer) => ((stderr += chunk.toString()), check()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    /** Resolves once `stream` has `count` matches of `pattern`. */
    until(stream: "stdout" | "stderr", pattern: RegExp, count: number): Promise<void> {
      const test = () => (stream === "stdout" ? stdout : stderr).match(new RegExp(pattern.source, "g"))?.length === count;
      return new Promise((resolve) => (test() ? resolve() : waiters.push({ test, resolve })));
    },
    stop: () => (child.kill("SIGINT"), exited),
  };
}

describe("generate --watch", () => {
  it("regenerates on an edit, keeps the output on a broken save, recovers, and stops cleanly on Ctrl-C", async () => {
    const dir = tempFiles({ "spec.yaml": readFileSync(SEED_SPEC, "utf8"), "out/notes.md": "mine\n" });
    const spec = join(dir, "spec.yaml");
    const out = join(dir, "out");
    const watch = watching(["--spec", spec, "--out", out]);
    await watch.until("stdout", /watching 1 API/, 1);
    expect(watch.stdout).toMatch(/out\/: 9 files written/);
    const good = readFileSync(spec, "utf8");
    const edited = good.replace(
      "        secret_id:\n          type: string\n",
      "        secret_id:\n          type: string\n        note:\n          type: string\n",
    );
    expect(edited).not.toBe(good);
    writeFileSync(spec, edited);
    await watch.until("stdout", /types\.ts/, 1);
    const afterEdit = snapshotTree(out);
    expect(afterEdit["types.ts"]).toContain("note?: string;");
    expect(afterEdit["notes.md"]).toBe("mine\n");
    // No temporary file is left behind by the atomic writes.
    expect(Object.keys(afterEdit).filter((p) => p.includes(".tmp"))).toEqual([]);
    writeFileSync(spec, `${edited}paths: [\n`);
    await watch.until("stderr", /kept as the last good run wrote it/, 1);
    expect(watch.stderr).toMatch(/spec\.yaml:\d+:\d+ error E_SYNTAX/);
    expect(snapshotTree(out)).toEqual(afterEdit);
    writeFileSync(spec, good);
    await watch.until("stdout", /types\.ts/, 2);
    const full = await generate(spec);
    if (!full.ok) throw new Error("the seed must generate");
    expect(snapshotTree(out)["types.ts"]).toBe(full.files.find((f) => f.path === "types.ts")!.content);
    expect(await watch.stop()).toBe(0);
    expect(watch.stdout).toMatch(/stopped watching\.\n$/);
  });
});

describe("generate --watch on a spec in several files", () => {
  it("regenerates when a part in another folder changes", async () => {
    const dir = tempFiles({});
    cpSync(join(FIXTURES, "multi-file"), join(dir, "api"), { recursive: true });
    const watch = watching(["--spec", join(dir, "api", "openapi.yaml"), "--out", join(dir, "out")]);
    await watch.until("stdout", /watching 1 API/, 1);
    const owner = join(dir, "api", "schemas", "owner.yaml");
    writeFileSync(owner, `${readFileSync(owner, "utf8").trimEnd()}\n  nickname:\n    type: string\n`);
    await watch.until("stdout", /types\.ts/, 1);
    expect(snapshotTree(join(dir, "out"))["types.ts"]).toContain("nickname?: string;");
    expect(await watch.stop()).toBe(0);
  });
});

describe("generate --watch --prettier", () => {
  it("formats with the project's prettier configuration, as generate --prettier does", async () => {
    const dir = tempFiles({ "spec.yaml": readFileSync(SEED_SPEC, "utf8"), ".prettierrc": '{ "semi": false, "singleQuote": true }\n' });
    const spec = join(dir, "spec.yaml");
    const watch = watching(["--prettier", "--spec", spec, "--out", join(dir, "watched")]);
    await watch.until("stdout", /watching 1 API/, 1);
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace(
        "        secret_id:\n          type: string\n",
        "        secret_id:\n          type: string\n        note:\n          type: string\n",
      ),
    );
    await watch.until("stdout", /types\.ts/, 1);
    expect(await watch.stop()).toBe(0);
    const once = spawn(process.execPath, [CLI, "generate", "--prettier", "--spec", spec, "--out", join(dir, "once")]);
    await new Promise((resolve) => once.on("exit", resolve));
    const watched = snapshotTree(join(dir, "watched"));
    expect(watched["types.ts"]).toContain("note?: string\n");
    expect(watched).toEqual(snapshotTree(join(dir, "once")));
  });
});

describe("generate --watch --import-extension .ts", () => {
  it("writes what generate --import-extension .ts writes, so --check then finds the folder current", async () => {
    const dir = tempFiles({ "spec.yaml": readFileSync(SEED_SPEC, "utf8") });
    const spec = join(dir, "spec.yaml");
    const watch = watching(["--import-extension", ".ts", "--spec", spec, "--out", join(dir, "watched")]);
    await watch.until("stdout", /watching 1 API/, 1);
    expect(await watch.stop()).toBe(0);
    const watched = snapshotTree(join(dir, "watched"));
    expect(watched["index.ts"]).toContain('from "./types.ts"');
    const check = spawn(process.execPath, [
      CLI,
      "generate",
      "--check",
      "--import-extension",
      ".ts",
      "--spec",
      spec,
      "--out",
      join(dir, "watched"),
    ]);
    expect(await new Promise((resolve) => check.on("exit", resolve))).toBe(0);
  });
});
