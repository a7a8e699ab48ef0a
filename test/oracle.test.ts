// openapi-typescript as an oracle for our types, on the fixtures; test/oracle-real.campaign.test.ts runs it on Stripe and Twilio.
import { join } from "node:path";
import { oracleSuite } from "./support/oracle.js";
import { ROOT, SEED_SPEC } from "./support/paths.js";

const fixture = (name: string): string => join(ROOT, "test", "fixtures", name);

oracleSuite("the seed", "create-environment-variable.openapi.yaml", SEED_SPEC);
oracleSuite("the shelter fixture (3.0, JSON, mapping)", "shelter-3.0.json", fixture("shelter-3.0.json"));
oracleSuite("the zoo fixture (every schema feature)", "zoo-3.1.yaml", fixture("zoo-3.1.yaml"));
oracleSuite("the required fixture (required over allOf)", "required-3.0.yaml", fixture("required-3.0.yaml"));
