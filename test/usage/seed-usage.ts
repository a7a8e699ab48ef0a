// Compiled by test/compile.test.ts against generated/. Every @ts-expect-error here is a claim that
// the generated types reject something; an unused one fails the compile.
import {
  createClient,
  createEnvironmentVariable,
  environments,
  environmentVariablesCreateRequestTypeValues,
  isCreateEnvironmentVariableError,
  isCreateSecretEnvironmentVariableRequest,
  isEnvironmentVariableResponseValues0,
  isEnvironmentVariablesCreateRequest,
  matchEnvironmentVariablesCreateRequest,
  type CreateStringEnvironmentVariableRequest,
  type EnvironmentVariableResponse,
  type EnvironmentVariablesCreateRequest,
  type ValidationErrorLocItems,
} from "../../generated/index.js";

declare const request: EnvironmentVariablesCreateRequest;

// The SDK docs' own example omits the required `values`.
// @ts-expect-error values is required
const docsExample: EnvironmentVariablesCreateRequest = { type: "string", label: "string" };
void docsExample;

// The discriminator is a single literal per variant.
// @ts-expect-error "secret" is not the string variant's type
const wrongTag: CreateStringEnvironmentVariableRequest = { type: "secret", label: "l", values: {} };
void wrongTag;

// A plain switch is exhaustive without a default.
export function describe(value: EnvironmentVariablesCreateRequest): string {
  switch (value.type) {
    case "string":
      return Object.values(value.values).join(",");
    case "secret":
      return Object.values(value.values).map((v) => v.secret_id).join(",");
    case "auth_connection":
      return Object.values(value.values).map((v) => v.auth_connection_id).join(",");
  }
}

// match must name every variant.
export const label = matchEnvironmentVariablesCreateRequest(request, {
  string: (v) => v.values["production"] ?? "",
  secret: (v) => v.values["production"]?.secret_id ?? "",
  auth_connection: (v) => v.values["production"]?.auth_connection_id ?? "",
});
// @ts-expect-error the auth_connection handler is missing
matchEnvironmentVariablesCreateRequest(request, { string: () => 1, secret: () => 2 });

// Variant guards narrow the union; the unknown-taking guard vets data from elsewhere.
if (isCreateSecretEnvironmentVariableRequest(request)) {
  const secret: string | undefined = request.values["production"]?.secret_id;
  void secret;
}
declare const wire: unknown;
if (isEnvironmentVariablesCreateRequest(wire)) {
  const tag: "string" | "secret" | "auth_connection" = wire.type;
  void tag;
}
const tags: readonly ["string", "secret", "auth_connection"] = environmentVariablesCreateRequestTypeValues;
void tags;

// Null and absent stay distinct; the response's unions are named types.
declare const response: EnvironmentVariableResponse;
const createdBy: string | null | undefined = response.created_by_user_id;
void createdBy;
// @ts-expect-error exactOptionalPropertyTypes: absent is not undefined
const explicitUndefined: EnvironmentVariableResponse = { ...response, created_by_user_id: undefined };
void explicitUndefined;
if (isEnvironmentVariableResponseValues0(response.values)) {
  const production: string | undefined = response.values["production"];
  void production;
}
const loc: ValidationErrorLocItems[] = ["body", 0];
void loc;

// Errors narrow by status.
export async function create(): Promise<EnvironmentVariableResponse | undefined> {
  try {
    return await createEnvironmentVariable({ body: request, xiApiKey: "key" }, { environment: environments.us, timeoutMs: 5000 });
  } catch (error) {
    if (isCreateEnvironmentVariableError(error) && error.status === 422) {
      const message: string | undefined = error.body.detail?.[0]?.msg;
      void message;
    } else if (isCreateEnvironmentVariableError(error)) {
      const body: unknown = error.body;
      void body;
    }
    return undefined;
  }
}

// The grouped client has the same operation.
const client = createClient({ apiKey: "key", baseUrl: "http://127.0.0.1:8080" });
export const viaClient: Promise<EnvironmentVariableResponse> = client.environmentVariables.create({ body: request });
// @ts-expect-error the body is required
void client.environmentVariables.create({});
