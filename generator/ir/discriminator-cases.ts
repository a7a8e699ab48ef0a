import type { DiagnosticInput } from "../diagnostics.js";
import type { Discriminator, Literal, NamedSchema } from "./model.js";

/** One value of a discriminator and the variants that carry it, in spec order. */
export interface DiscriminatorCase {
  value: Literal;
  targets: string[];
}

/**
 * The discriminator's values, each once, with every variant that carries it. Usually one variant
 * per value; when several share one (OpenAI's three `type: "message"` variants), a `switch` on
 * the property cannot tell them apart, so the case, the guard and `match`'s handler take the
 * union of those variants.
 */
export function discriminatorCases(discriminator: Discriminator): DiscriminatorCase[] {
  const cases: DiscriminatorCase[] = [];
  for (const variant of discriminator.variants) {
    for (const value of variant.values) {
      const existing = cases.find((c) => c.value === value);
      if (!existing) cases.push({ value, targets: [variant.target] });
      else if (!existing.targets.includes(variant.target)) existing.targets.push(variant.target);
    }
  }
  return cases;
}

/** W_DISCRIMINATOR_VALUE_SHARED for every value that several variants of one union carry. */
export function reportSharedValues(schemas: NamedSchema[], report: (d: DiagnosticInput) => void): void {
  for (const schema of schemas) {
    if (schema.type.kind !== "union" || !schema.type.discriminator) continue;
    const { property } = schema.type.discriminator;
    for (const { value, targets } of discriminatorCases(schema.type.discriminator)) {
      if (targets.length < 2) continue;
      const [first, ...others] = targets;
      report({
        code: "W_DISCRIMINATOR_VALUE_SHARED",
        severity: "warning",
        message:
          `The variants #${first} and ${others.map((t) => `#${t}`).join(", ")} of the union at #${schema.id} share the "${property}" value ${JSON.stringify(value)}, ` +
          `so "${property}" alone cannot tell them apart: the guard tries each variant's shape, and match's "${String(value)}" handler takes any of them.`,
        hint: `Give each variant its own "${property}" value (a const or a one-value enum, or a discriminator.mapping entry).`,
        pointer: others[0]!,
      });
    }
  }
}
