// The change report on a year of real ElevenLabs spec updates (../shared/specs/elevenlabs, never
// copied into this repository). Every consecutive pair is compared, and the report's counts are
// checked against counts taken here straight from the raw JSON, and against a table written by
// hand; one pair goes through the whole drift cycle on disk. test/history.campaign.test.ts runs
// that cycle on every pair (34 whole-spec generations).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffApiModels } from "../generator/changes/diff.js";
import type { ApiModel } from "../generator/changes/model.js";
import { reportJson } from "../generator/changes/render.js";
import { analyze } from "../generator/pipeline.js";
import { runCli } from "./support/cli.js";
import { available, expectCounts, label, pairs, raw, specPath, version, versions, type JsonReport } from "./support/history.js";

/** Each version's API model, analyzed once for all the comparisons below. */
const models = new Map<string, Promise<ApiModel>>();
const modelOf = (v: string): Promise<ApiModel> => {
  if (!models.has(v))
    models.set(
      v,
      analyze(specPath(v)).then(({ model, diagnostics }) => {
        expect(model, diagnostics.map((d) => d.message).join("\n")).toBeDefined();
        return model!;
      }),
    );
  return models.get(v)!;
};

/** What `specforge compare --format json` prints for two versions (the CLI's own path is run by change-report.test.ts). */
const compare = async (older: string, newer: string): Promise<JsonReport> =>
  JSON.parse(
    reportJson({ report: diffApiModels(await modelOf(older), await modelOf(newer)) }, { base: older, head: newer }, []),
  ) as JsonReport;

describe.skipIf(!available)("a year of ElevenLabs spec updates", () => {
  it.each(pairs.map(([older, newer], i) => [label(older), label(newer), older, newer, i] as const))(
    "%s -> %s: the report counts what the raw JSON says changed",
    async (_from, _to, older, newer, i) => expectCounts(await compare(older, newer), i),
  );

  it("the drift cycle on disk: output of one version, --check against the next exits 1 with that report, regenerating makes it current", async () => {
    const [older, newer] = pairs[0]!;
    const out = mkdtempSync(join(tmpdir(), "specforge-history-"));
    const first = runCli(["generate", "--spec", specPath(older), "--out", out]);
    expect(first.status, first.stderr).toBe(0);
    const check = runCli(["generate", "--check", "--format", "json", "--spec", specPath(newer), "--out", out]);
    expect(check.status, check.stderr.slice(-2000)).toBe(1);
    const report = JSON.parse(check.stdout) as JsonReport;
    expectCounts(report, 0);
    expect(report.changes).toEqual((await compare(older, newer)).changes);
    expect(runCli(["generate", "--spec", specPath(newer), "--out", out]).status).toBe(0);
    const current = runCli(["generate", "--check", "--format", "json", "--spec", specPath(newer), "--out", out]);
    expect(current.status).toBe(0);
    expect((JSON.parse(current.stdout) as JsonReport).changes).toEqual([]);
  }, 300_000);
});

describe.skipIf(!available)("hand-checked changes in the ElevenLabs history", () => {
  it("2025-07: paths that dropped their trailing slash are moves, not removals, and break no caller", async () => {
    const report = await compare(version("20250623"), version("20250710"));
    const moves = report.changes.filter((c) => c.kind === "operation-moved");
    expect(moves.map((c) => [c.operation, c.identifier, c.severity, c.pointer])).toEqual([
      ["GET /v1/convai/phone-numbers", "listConversationalAiPhoneNumbers", "non-breaking", "/paths/~1v1~1convai~1phone-numbers/get"],
      [
        "GET /v1/pronunciation-dictionaries",
        "listPronunciationDictionaries",
        "non-breaking",
        "/paths/~1v1~1pronunciation-dictionaries/get",
      ],
      [
        "GET /v1/pronunciation-dictionaries/{pronunciation_dictionary_id}",
        "getPronunciationDictionary",
        "non-breaking",
        "/paths/~1v1~1pronunciation-dictionaries~1{pronunciation_dictionary_id}/get",
      ],
      // Not a slash: the path changed, but the Fern SDK name (and so the function) stayed.
      ["POST /v1/convai/phone-numbers", "createConversationalAiPhoneNumber", "non-breaking", "/paths/~1v1~1convai~1phone-numbers/post"],
    ]);
    expect(report.operations.removed).not.toContain("GET /v1/pronunciation-dictionaries/");
  });

  it("2025-04-08: allOf [$ref X] becoming $ref X with sibling keywords reports nothing", async () => {
    const report = await compare(version("20250310"), version("20250408"));
    // Both properties switched style (checked in the raw JSON) and nothing else changed in these schemas.
    for (const schema of ["ASRConversationalConfig", "HistoryAlignmentsResponseModel"]) {
      expect(report.changes.filter((c) => c.schema === schema)).toEqual([]);
    }
    const raw0310 = raw(version("20250310")).components.schemas as Record<string, { properties: Record<string, unknown> }>;
    const raw0408 = raw(version("20250408")).components.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(raw0310.ASRConversationalConfig!.properties.quality).toMatchObject({ allOf: [{ $ref: "#/components/schemas/ASRQuality" }] });
    expect(raw0408.ASRConversationalConfig!.properties.quality).toMatchObject({ $ref: "#/components/schemas/ASRQuality" });
  });

  it("2025-04-08: allOf [X] becoming anyOf [X, null] is non-breaking in a request and breaking in a response", async () => {
    const report = await compare(version("20250310"), version("20250408"));
    const at = (schema: string, member: string) => report.changes.filter((c) => c.schema === schema && c.member === member);
    expect(at("Body_Text_to_speech_v1_text_to_speech__voice_id__post", "voice_settings")).toEqual([
      expect.objectContaining({
        kind: "nullable-added",
        severity: "non-breaking",
        breaking: false,
        direction: "request",
        identifier: "TextToSpeechBody",
      }),
    ]);
    expect(at("VoiceResponseModel", "settings")).toEqual([
      expect.objectContaining({
        kind: "nullable-added",
        severity: "breaking",
        breaking: true,
        direction: "response",
        identifier: "VoiceResponseModel",
        pointer: "/components/schemas/VoiceResponseModel/properties/settings",
      }),
    ]);
  });

  it("2025-08-01: the 24 removed operations, 20 of them /v1/projects, are breaking", async () => {
    const report = await compare(version("20250710"), version("20250801"));
    const removed = report.changes.filter((c) => c.kind === "operation-removed");
    expect(removed).toHaveLength(24);
    expect(removed.filter((c) => c.operation!.split(" ")[1]!.startsWith("/v1/projects"))).toHaveLength(20);
    expect(removed.every((c) => c.breaking)).toBe(true);
    expect(removed.find((c) => c.operation === "GET /v1/projects")).toMatchObject({
      identifier: "getProjects",
      pointer: "/paths/~1v1~1projects/get",
    });
  });

  it("2025-06-10: a new required request field breaks, a response field turned optional breaks, a response enum value is a notice", async () => {
    const report = await compare(version("20250528"), version("20250610"));
    const find = (schema: string, member: string) => report.changes.find((c) => c.schema === schema && c.member === member);
    expect(find("MCPToolConfig-Input", "integration_type")).toMatchObject({
      kind: "required-property-added",
      severity: "breaking",
      direction: "request",
      identifier: "MCPToolConfigInput",
    });
    expect(find("SpeechHistoryItemResponseModel", "text")).toMatchObject({
      kind: "property-now-optional",
      severity: "breaking",
      direction: "response",
    });
    expect(find("AuthorizationMethod", "")).toMatchObject({
      kind: "value-added",
      severity: "notice",
      breaking: false,
      direction: "response",
    });
  });

  it("2025-05-28: a new Fern SDK group moves the client method, which breaks callers; the function kept its name", async () => {
    const report = await compare(version("20250509"), version("20250528"));
    const at = report.changes.filter((c) => c.operation === "DELETE /v1/convai/agents/{agent_id}");
    expect(at).toEqual([
      expect.objectContaining({
        kind: "client-method-moved",
        severity: "breaking",
        identifier: "deleteConversationalAiAgent",
        message: "was client.conversationalAi.deleteAgent, now client.conversationalAi.agents.delete",
      }),
    ]);
    // 107 client methods moved, and 85 functions were renamed: the older spec's operations
    // without Fern names are named after their operationIds (`inviteUser`, docs/naming.md).
    expect(report.changes.filter((c) => c.kind === "client-method-moved")).toHaveLength(107);
    expect(report.changes.filter((c) => c.kind === "function-renamed")).toHaveLength(85);
  });
});
