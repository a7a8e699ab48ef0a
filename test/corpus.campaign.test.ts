import { it } from "vitest";
import { checkSample } from "./corpus/sample.js";

/**
 * The campaign tier's corpus sample: larger than the default suite's, another seed.
 * SPECFORGE_CORPUS_CAMPAIGN_SAMPLE changes the size; `npm run corpus -- --all` runs every spec.
 */
const size = Number(process.env.SPECFORGE_CORPUS_CAMPAIGN_SAMPLE ?? 400);

it(`a seeded sample of ${size} real APIs generates and compiles strictly`, () => checkSample(size, 20261130));
