import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { operationView } from "../generator/emit/operations/view-model.js";
import { guardModule } from "../generator/emit/types/guards.js";
import { analyzeWith } from "../generator/pipeline.js";
import { FINGERPRINT_FILE, fingerprintFile } from "../generator/write/fingerprint.js";
import { runCli, snapshotTree } from "./support/cli.js";
import { FIXTURE_SPECS, FIXTURES, ROOT } from "./support/paths.js";

const ELEVENLABS = join(ROOT, "..", "shared", "specs", "elevenlabs", "openapi.json");

/**
 * A file rendered from the same view as in the last run is taken from the output folder instead
 * of rendered again (emit/reuse.ts). The output must be what a run into an empty folder gives,
 * edit after edit, and a file changed since is never taken.
 */
describe("files taken from the last run", () => {
  const project = (): { dir: string; spec: Record<string, any>; save: () => void } => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-reuse-"));
    const spec = JSON.parse(readFileSync(join(FIXTURES, "shelter-3.0.json"), "utf8")) as Record<string, any>;
    const save = (): void => writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec, null, 2));
    save();
    return { dir, spec, save };
  };
  const generate = (dir: string, out: string): void => {
    const result = runCli(["generate", "--spec", "openapi.json", "--out", out], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
  };
  /** The folder after a run over the last output, against a run into an empty folder. */
  const expectSameAsFresh = (dir: string): void => {
    generate(dir, "out");
    rmSync(join(dir, "fresh"), { recursive: true, force: true });
    generate(dir, "fresh");
    expect(snapshotTree(join(dir, "out"))).toEqual(snapshotTree(join(dir, "fresh")));
  };

  it("gives the bytes of a run into an empty folder, edit after edit", () => {
    const { dir, spec, save } = project();
    generate(dir, "out");
    const edits: (() => void)[] = [
      // A schema: types.ts changes, the operation file's view does not.
      () => (spec.components.schemas.Problem.properties.trace = { type: "string" }),
      // An operation's text: its file's view changes.
      () => (spec.paths["/pets"].get.summary = "Every pet, newest first."),
      // A new group: a new file, and the client and index change.
      () =>
        (spec.paths["/owners"] = {
          get: { operationId: "list_owners", tags: ["owners"], responses: { "200": { description: "ok" } } },
        }),
      // And gone again: the file is removed.
      () => delete spec.paths["/owners"],
      // A schema renamed: imports and types everywhere.
      () => {
        const text = JSON.stringify(spec).replaceAll("#/components/schemas/Problem", "#/components/schemas/Failure");
        Object.assign(spec, JSON.parse(text));
        spec.components.schemas.Failure = spec.components.schemas.Problem;
        delete spec.components.schemas.Problem;
      },
    ];
    for (const edit of edits) {
      edit();
      save();
      expectSameAsFresh(dir);
    }
  });

  it("takes a file whose view is unchanged as the folder holds it, and renders one whose view changed", () => {
    const { dir, spec, save } = project();
    generate(dir, "out");
    const out = join(dir, "out");
    // The folder as if the last run had written a different text from the same view: the
    // fingerprint says so, sealed as a run would seal it.
    const recorded = JSON.parse(readFileSync(join(out, FINGERPRINT_FILE), "utf8")) as Record<string, any>;
    const marked = `${readFileSync(join(out, "operations", "pets.ts"), "utf8")}// from the last run\n`;
    writeFileSync(join(out, "operations", "pets.ts"), marked);
    const files = Object.keys(recorded.files as object).map((path) => ({
      path,
      content: readFileSync(join(out, path), "utf8"),
      ...(recorded.views[path] ? { view: recorded.views[path] as string } : {}),
    }));
    const { generator, spec: specDigest } = recorded as { generator: string; spec: string };
    writeFileSync(join(out, FINGERPRINT_FILE), fingerprintFile({ generator, spec: specDigest }, 0, files).content);

    spec.components.schemas.Problem.properties.trace = { type: "string" };
    save();
    generate(dir, "out");
    expect(readFileSync(join(out, "operations", "pets.ts"), "utf8")).toBe(marked);
    expect(readFileSync(join(out, "types.ts"), "utf8")).toContain("trace?: string;");

    spec.paths["/pets"].get.summary = "Every pet, newest first.";
    save();
    generate(dir, "out");
    expect(readFileSync(join(out, "operations", "pets.ts"), "utf8")).not.toContain("// from the last run");
  });

  it("never takes a file edited since the last run", () => {
    const { dir, spec, save } = project();
    generate(dir, "out");
    const file = join(dir, "out", "operations", "pets.ts");
    const generated = readFileSync(file, "utf8");
    writeFileSync(file, `${generated}// edited by hand\n`);
    spec.components.schemas.Problem.properties.trace = { type: "string" };
    save();
    generate(dir, "out");
    expect(readFileSync(file, "utf8")).toBe(generated);
  });

  it("digests views that are plain data: every value survives JSON as it is", async () => {
    // Maps, sets, class instances or non-finite numbers would digest alike for different views;
    // so would undefined and null side by side in one array (JSON writes both as null).
    const plain = (value: unknown, at: string): void => {
      if (value === null || typeof value === "string" || typeof value === "boolean") return;
      if (typeof value === "number") return void expect(Number.isFinite(value), at).toBe(true);
      expect(typeof value, at).toBe("object");
      if (Array.isArray(value)) {
        if (value.includes(undefined)) expect(value.includes(null), at).toBe(false);
        return value.forEach((item, i) => item !== undefined && plain(item, `${at}/${i}`));
      }
      expect(Object.getPrototypeOf(value), at).toBe(Object.prototype);
      for (const [key, item] of Object.entries(value as object)) if (item !== undefined) plain(item, `${at}/${key}`);
    };
    const specs = { ...FIXTURE_SPECS, ...(existsSync(ELEVENLABS) ? { elevenlabs: ELEVENLABS } : {}) };
    if (!existsSync(ELEVENLABS)) console.warn(`\n!! ${ELEVENLABS} is absent: views checked on the fixtures only.\n`);
    for (const [name, file] of Object.entries(specs)) {
      const analysis = await analyzeWith(file, []);
      expect(analysis, name).toBeDefined();
      const { api, names } = analysis!;
      plain(
        api.operations.map((operation, i) => operationView(operation, names.operations[i]!, names)),
        `${name}: operations`,
      );
      plain(guardModule(analysis!.api, analysis!.names).statements, `${name}: guards`);
    }
  });
});
