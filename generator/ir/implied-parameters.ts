import type { Parameter } from "./model.js";

/**
 * §4.8.8.1 requires every `{name}` of a path template to be a declared path parameter, but real
 * specs miss some (ElevenLabs' deprecated `/v1/convai/agents/{agent_id}/...` routes, Feb-Jun 2025).
 * The server still needs the value, so it becomes a required string path parameter; validate/
 * reports W_PATH_PARAM_UNDECLARED.
 */
export function withImpliedPathParameters(path: string, parameters: Parameter[], pointer: string): Parameter[] {
  const declared = new Set(parameters.filter((p) => p.in === "path").map((p) => p.name));
  const implied = new Set([...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((name) => !declared.has(name)));
  return [
    ...parameters,
    ...[...implied].map((name): Parameter => ({
      name,
      in: "path",
      required: true,
      type: { kind: "string" },
      doc: {},
      pointer,
      style: "simple",
      explode: false,
      shape: "scalar",
    })),
  ];
}
