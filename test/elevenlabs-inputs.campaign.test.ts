// The inputs features at the scale of the full ElevenLabs spec: a filtered client of it, and the
// watch mode's short way after a one-schema edit of it (the edit npm run bench measures).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../generator/pipeline.js";
import { WatchSession } from "../generator/watch/session.js";
import { compileOutput, generated, tempFiles } from "./support/inputs.js";
import { ELEVENLABS_SPEC, sharedAvailable } from "./support/shared.js";

type Spec = { components: { schemas: Record<string, any> } };

describe.runIf(sharedAvailable(ELEVENLABS_SPEC, "the full ElevenLabs spec"))("filters on the full ElevenLabs spec", () => {
  it("one group of 208 operations makes a small client that compiles strictly", async () => {
    const result = await generated({
      specs: [ELEVENLABS_SPEC],
      filters: { include: { tags: ["voices"] }, exclude: { paths: ["/v1/voices/pvc/**"] } },
    });
    expect(result.diagnostics).toEqual([]);
    const operations = Object.keys(result.model.operations);
    expect(operations.length).toBeGreaterThan(5);
    expect(operations.length).toBeLessThan(30);
    expect(operations).toContain("GET /v1/voices/{voice_id}");
    expect(operations.filter((o) => o.includes("/pvc/"))).toEqual([]);
    expect(Object.keys(result.model.schemas).length).toBeLessThan(100);
    expect(compileOutput(result.files, "nodenext")).toEqual([]);
  });
});

describe.runIf(sharedAvailable(ELEVENLABS_SPEC, "the full ElevenLabs spec"))("a watch session on the full ElevenLabs spec", () => {
  it("takes the short way for a one-schema edit and gives the bytes of a full run", async () => {
    const spec = JSON.parse(readFileSync(ELEVENLABS_SPEC, "utf8")) as Spec;
    const dir = tempFiles({});
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(spec));
    const session = new WatchSession({ specs: [file] });
    expect((await session.update()).ok).toBe(true);
    spec.components.schemas.AddProjectResponseModel.properties.benchmark = { type: "string", description: "Added." };
    writeFileSync(file, JSON.stringify(spec));
    const update = await session.update();
    expect(update.ok && update.short).toBe(true);
    const full = await generate(file);
    if (!update.ok || !full.ok) throw new Error("expected both to generate");
    expect(Object.fromEntries(update.files.map((f) => [f.path, f.content]))).toEqual(
      Object.fromEntries(full.files.map((f) => [f.path, f.content])),
    );
  });
});
