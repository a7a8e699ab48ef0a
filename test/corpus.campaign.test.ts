import { expect, it } from "vitest";
import { corpusSample, unexplained } from "./corpus/sample.js";
import { passed } from "./corpus/row.js";

/**
 * The campaign tier's corpus sample: larger than the default suite's, another seed.
 * SPECFORGE_CORPUS_CAMPAIGN_SAMPLE changes the size; `npm run corpus -- --all` runs every spec.
 */
const size = Number(process.env.SPECFORGE_CORPUS_CAMPAIGN_SAMPLE ?? 400);
const SEED = 20261130;

it(`a seeded sample of ${size} real APIs generates and compiles strictly (seed ${SEED})`, async () => {
  const rows = await corpusSample(size, SEED);
  expect(rows).toHaveLength(size);
  expect(unexplained(rows)).toEqual([]);
  console.log(`corpus campaign sample: ${rows.filter(passed).length} of ${rows.length} generated and compiled`);
});
