/**
 * What a project's `specforge.config.ts` (or `.mjs`, `.js`) imports from "specforge": the shape of
 * the config and `defineConfig`, which types it. The same shape, less the functions, is the JSON
 * Schema of `specforge.config.json` (schema/config.schema.json). No imports, so that this file is
 * the whole public API and its declaration file stands alone.
 */

/** Operations picked by tag, path or operationId; each entry a glob (`*` within a segment or name, `**` across segments). */
export interface Selection {
  /** A tag (`voices`, or Fern's `subpackage_voices`), or the dotted `x-fern-sdk-group-name` (`voices.pvc`). */
  tags?: string[];
  /** A path template: `/v1/voices/**`. */
  paths?: string[];
  /** An operationId, or `METHOD path`: `GET /v1/voices/{voice_id}`. */
  operations?: string[];
}

export interface Filters {
  /** Keep only operations that match one of these (all, when absent). */
  include?: Selection;
  /** Then leave out operations that match one of these. */
  exclude?: Selection;
  /** Keep the component schemas that no kept operation reaches, which are otherwise left out once a filter is set. */
  keepUnusedSchemas?: boolean;
}

/** What a naming hook is told about an operation. */
export interface OperationNameContext {
  method: string;
  path: string;
  operationId?: string;
  tags: string[];
  /** The client group, dotted: `voices.pvc`. */
  group: string;
}

/**
 * Hooks over the names specforge chooses (TypeScript and JavaScript configs only). Each gets the
 * chosen name and returns the one to use; a name that clashes with another still gets a number.
 */
export interface Naming {
  /** A type's name: gets the chosen name (`EnvironmentVariableResponse`) and the spec's (`environment_variable_response`, or a hoisted schema's pointer). */
  type?: (name: string, context: { specName: string }) => string;
  /** A standalone function's name: gets the chosen name (`createEnvironmentVariable`). The client's `group.method` keeps its own. */
  operation?: (name: string, context: OperationNameContext) => string;
}

/** Options an API may set, or the defaults may set for all. */
export interface ApiOptions {
  /** Generate only part of the API. */
  filters?: Filters;
  /** The extension of relative imports in the output: `.js` (default; Node ESM and bundlers) or `.ts`. */
  importExtension?: ".js" | ".ts";
  /** Run prettier over the output with the project's own prettier config. */
  prettier?: boolean;
  /** Treat warnings as errors. */
  strict?: boolean;
  naming?: Naming;
}

/** One client: where its spec is read from, and where it is written. */
export interface ApiConfig extends ApiOptions {
  /** A label for messages; the output folder's name when absent. */
  name?: string;
  /** Specs, documentation pages or folders of them, relative to the config file; several merge into one client. */
  input: string | string[];
  /** The output folder, relative to the config file. */
  output: string;
}

export interface Config {
  /** The APIs to generate, one client each; generated in parallel, one per core. */
  apis: ApiConfig[];
  /** Options every API takes unless it sets its own (filters are replaced whole, not merged). */
  defaults?: ApiOptions;
}

/** A config, a single API, or a list of APIs. */
export type UserConfig = Config | ApiConfig | ApiConfig[];

/** Types a config file: `export default defineConfig({ apis: [{ input: "spec", output: "src/api" }] })`. */
export function defineConfig<T extends UserConfig>(config: T): T {
  return config;
}
