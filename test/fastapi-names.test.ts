// FastAPI body type names (generator/names/fastapi.ts) come from the body schema's own name and
// the path of the operation that sends it, so that they survive a spec rewriting its operationIds.
import { describe, expect, it } from "vitest";
import type { Api, NamedSchema, Operation, TypeNode } from "../generator/ir/model.js";
import { fastApiBodyName } from "../generator/names/fastapi.js";
import { planNames } from "../generator/names/plan.js";
import { irOf } from "./support/pipeline.js";

const ref = (name: string): TypeNode => ({ kind: "ref", target: `/components/schemas/${name}` });

const sender = (path: string, operationId: string | undefined, body?: TypeNode): Operation => ({
  pointer: `/paths/${path.replace(/\//g, "~1")}/post`,
  method: "post",
  path,
  ...(operationId === undefined ? {} : { operationId }),
  tags: [],
  deprecated: false,
  parameters: [],
  ...(body ? { body: { mediaType: "application/json", encoding: "json", type: body, required: true, pointer: "/b", fields: [] } } : {}),
  responses: [],
  reading: "json",
  security: [],
});

const STUDIO = "Body_Create_podcast_v1_studio_podcasts_post";
const PROJECTS = "Body_Create_podcast_v1_projects_podcast_create_post";

const component = (name: string): NamedSchema => ({
  id: `/components/schemas/${name}`,
  nameHint: [name],
  origin: "component",
  type: { kind: "object", properties: [] },
  doc: {},
});

const typeOf = (schema: string, operations: Operation[]): string => {
  const api: Api = { title: "t", version: "1", servers: [], schemas: [component(schema)], operations, incoming: [] };
  return planNames(api).schemas.get(`/components/schemas/${schema}`)!.type;
};

const PODCAST = "Body_Create_podcast_v1_studio_podcasts_post";

describe("FastAPI body type names", () => {
  it.each<[string, string, Operation[], string]>([
    [
      "the operationId is FastAPI's",
      PODCAST,
      [sender("/v1/studio/podcasts", "Create_podcast_v1_studio_podcasts_post", ref(PODCAST))],
      "CreatePodcastBody",
    ],
    // ElevenLabs 2025-08-01 -> 2025-08-11: the operationId shortened, the schema name kept.
    ["the operationId was shortened", PODCAST, [sender("/v1/studio/podcasts", "create_podcast", ref(PODCAST))], "CreatePodcastBody"],
    ["the operation has no operationId", PODCAST, [sender("/v1/studio/podcasts", undefined, ref(PODCAST))], "CreatePodcastBody"],
    [
      "an optional body, X | null",
      PODCAST,
      [sender("/v1/studio/podcasts", "x", { kind: "union", members: [ref(PODCAST), { kind: "null" }] })],
      "CreatePodcastBody",
    ],
    // FastAPI with a custom operation_id names the body after it: the same words as above.
    [
      "a custom FastAPI operation_id",
      "Body_create_podcast",
      [sender("/v1/studio/podcasts", "create_podcast", ref("Body_create_podcast"))],
      "CreatePodcastBody",
    ],
    // A path that only lost its trailing slash changes FastAPI's suffix, and the schema name with it.
    [
      "the path lost its trailing slash",
      "Body_Add_member_v1_groups__id__members_post",
      [sender("/v1/groups/{id}/members", "add", ref("Body_Add_member_v1_groups__id__members_post"))],
      "AddMemberBody",
    ],
    [
      "the same, before",
      "Body_Add_member_v1_groups__id__members__post",
      [sender("/v1/groups/{id}/members/", "add", ref("Body_Add_member_v1_groups__id__members__post"))],
      "AddMemberBody",
    ],
    // Not sent by any operation, but named after one: the older rule.
    ["found by operationId", PODCAST, [sender("/v1/studio/podcasts", "Create_podcast_v1_studio_podcasts_post")], "CreatePodcastBody"],
    // No operation sends it or is named by it: not recognisably FastAPI's, so the name is only converted.
    ["unrelated to any operation", PODCAST, [sender("/v1/other", "other", ref("Other"))], "BodyCreatePodcastV1StudioPodcastsPost"],
  ])("%s: %s -> %s", (_case, schema, operations, want) => {
    expect(typeOf(schema, operations)).toBe(want);
  });

  it("bodies of one function at several paths: an alias on its way out gives the plain name to the body that stays", () => {
    const names = (operations: Operation[]): string[] => {
      const api: Api = {
        title: "t",
        version: "1",
        servers: [],
        schemas: [component(PROJECTS), component(STUDIO)],
        operations,
        incoming: [],
      };
      const table = planNames(api);
      return [PROJECTS, STUDIO].map((n) => table.schemas.get(`/components/schemas/${n}`)!.type);
    };
    const plainStudio = sender("/v1/studio/podcasts", "create_podcast", ref(STUDIO));
    const studio = { ...plainStudio, sdkMethod: "create_podcast" };
    const projects = sender("/v1/projects/podcast/create", "Create_podcast_v1_projects_podcast_create_post", ref(PROJECTS));
    // Both current: the first listed wins, as for any collision.
    expect(names([projects, plainStudio])).toEqual(["CreatePodcastBody", "CreatePodcastBody2"]);
    // The old path deprecated, or left out of the SDK: the new one keeps the plain name, before and after the alias goes.
    expect(names([{ ...projects, deprecated: true }, studio])).toEqual(["CreatePodcastBody2", "CreatePodcastBody"]);
    expect(names([projects, studio])).toEqual(["CreatePodcastBody2", "CreatePodcastBody"]);
    const api: Api = { title: "t", version: "1", servers: [], schemas: [component(STUDIO)], operations: [studio], incoming: [] };
    expect(planNames(api).schemas.get(`/components/schemas/${STUDIO}`)!.type).toBe("CreatePodcastBody");
  });

  it("a path suffix that is not the sender's path stays part of the name", () => {
    expect(fastApiBodyName("Body_Get_x_v1_elsewhere_post", [sender("/v1/here", "get", ref("Body_Get_x_v1_elsewhere_post"))])).toBe(
      "Get_x_v1_elsewhere_post_Body",
    );
  });

  it("types hoisted out of the body are named after the body type", () => {
    const schema = (operationId: string) => ({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/v1/studio/podcasts": {
          post: {
            operationId,
            requestBody: { content: { "application/json": { schema: { $ref: `#/components/schemas/${PODCAST}` } } } },
            responses: { "204": { description: "none" } },
          },
        },
      },
      components: {
        schemas: {
          [PODCAST]: {
            type: "object",
            properties: {
              source: {
                anyOf: [
                  { type: "object", properties: { a: { type: "string" } } },
                  { type: "object", properties: { b: { type: "string" } } },
                ],
              },
            },
          },
        },
      },
    });
    const names = (operationId: string): string[] => {
      const { api, names: table } = irOf(schema(operationId));
      return api.schemas.map((s) => table.schemas.get(s.id)!.type).sort();
    };
    expect(names("Create_podcast_v1_studio_podcasts_post")).toEqual(names("create_podcast"));
    expect(names("create_podcast")).toContain("CreatePodcastBody");
  });
});
