// Not part of the project compile (see tsconfig.json exclude): test/compile.test.ts checks that
// this file FAILS to compile, proving that a missing match handler is an error.
import { matchEnvironmentVariablesCreateRequest, type EnvironmentVariablesCreateRequest } from "../../generated/index.js";

declare const request: EnvironmentVariablesCreateRequest;
export const result = matchEnvironmentVariablesCreateRequest(request, { string: () => 1, secret: () => 2 });
