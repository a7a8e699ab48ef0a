import type { DiagnosticInput } from "../diagnostics.js";
import { isRecord } from "../records.js";
import { joinPointer, resolvePointer } from "../load/pointer.js";
import { follow, mappingTarget } from "../load/refs.js";
import { walkDocument } from "../load/walk.js";

type Raw = Record<string, unknown>;
type Report = (d: DiagnosticInput) => void;

/**
 * OpenAPI §4.8.25 Discriminator Object: every variant declares the property, every mapping value
 * names a schema that exists, and a variant can hold every value the mapping gives it. All are
 * warnings: the IR still builds the union (the mapping wins, the property is pinned as a literal).
 */
export function checkDiscriminators(document: Raw, report: Report): void {
  walkDocument(document, ({ node, pointer, kind }) => {
    if (kind === "schema" && isRecord(node.discriminator) && typeof node.discriminator.propertyName === "string") {
      checkDiscriminator(document, node, node.discriminator, node.discriminator.propertyName, pointer, report);
    }
  });
}

function checkDiscriminator(document: Raw, holder: Raw, discriminator: Raw, property: string, pointer: string, report: Report): void {
  const at = joinPointer(pointer, "discriminator");
  const keyword = Array.isArray(holder.oneOf) ? "oneOf" : Array.isArray(holder.anyOf) ? "anyOf" : undefined;
  if (keyword === undefined) {
    // allOf inheritance (§4.8.25.2): children inherit the property from this parent.
    if (!declares(document, holder, property)) missingProperty(property, joinPointer(at, "propertyName"), "This parent schema", report);
  } else if (!declares(document, { properties: holder.properties, required: holder.required }, property)) {
    (holder[keyword] as unknown[]).forEach((member, index) => {
      const resolved = follow(document, member);
      if (!isRecord(resolved) || isNull(resolved) || Array.isArray(resolved.oneOf) || Array.isArray(resolved.anyOf)) return;
      if (!declares(document, resolved, property)) missingProperty(property, joinPointer(pointer, keyword, index), "This variant", report);
    });
  }
  if (!isRecord(discriminator.mapping)) return;
  const byTarget = new Map<string, string[]>();
  for (const [value, target] of Object.entries(discriminator.mapping)) {
    if (typeof target !== "string") continue;
    const targetPointer = mappingTarget(target);
    if (targetPointer === undefined) continue;
    byTarget.set(targetPointer, [...(byTarget.get(targetPointer) ?? []), value]);
    if (resolvePointer(document, targetPointer) !== undefined) continue;
    report({
      code: "W_DISCRIMINATOR_MAPPING_DANGLING",
      severity: "warning",
      message: `The mapping gives "${value}" to "${target}", which is not a schema in the document; the entry is ignored.`,
      hint: `Point the entry at an existing schema ("#/components/schemas/Name" or a bare component name), or remove it.`,
      pointer: joinPointer(at, "mapping", value),
    });
  }
  for (const [targetPointer, values] of byTarget) {
    const allowed = allowedValues(document, resolvePointer(document, targetPointer), property);
    if (allowed === undefined) continue;
    for (const value of values.filter((v) => !allowed.some((a) => sameValue(v, a)))) {
      report({
        code: "W_DISCRIMINATOR_MAPPING_CONFLICT",
        severity: "warning",
        message:
          `The mapping gives #${targetPointer} the "${property}" value${values.length > 1 ? "s" : ""} ${values.map((v) => JSON.stringify(v)).join(", ")}, ` +
          `but its "${property}" only allows ${allowed.map((v) => JSON.stringify(v)).join(", ")}; the generated type follows the mapping.`,
        hint: `Map only values the schema's "${property}" allows, or widen its const/enum, or split the schema into one per value.`,
        pointer: joinPointer(at, "mapping", value),
      });
    }
  }
}

function missingProperty(property: string, pointer: string, subject: string, report: Report): void {
  report({
    code: "W_DISCRIMINATOR_PROPERTY_MISSING",
    severity: "warning",
    message: `${subject} does not declare the discriminator property "${property}"; the generated type adds it as a required literal.`,
    hint: `Add "${property}" to the schema's properties (and to required), e.g. with a const of its value.`,
    pointer,
  });
}

const isNull = (raw: Raw): boolean => raw.type === "null";

/** The schemas a schema is made of through `allOf` (refs followed once each), itself first. */
function allOfParts(document: Raw, schema: unknown): Raw[] {
  const parts: Raw[] = [];
  const seen = new Set<unknown>();
  const stack = [schema];
  while (stack.length > 0) {
    const part = follow(document, stack.pop());
    if (!isRecord(part) || seen.has(part)) continue;
    seen.add(part);
    parts.push(part);
    if (Array.isArray(part.allOf)) stack.push(...[...part.allOf].reverse());
  }
  return parts;
}

/** Whether the schema names the property, in its properties or required list, itself or through allOf. */
const declares = (document: Raw, schema: unknown, property: string): boolean =>
  allOfParts(document, schema).some(
    (part) =>
      (isRecord(part.properties) && Object.hasOwn(part.properties, property)) ||
      (Array.isArray(part.required) && part.required.includes(property)),
  );

/** Mapping keys are always strings; a number or boolean property value matches its spelling (`1.0` is 1, `True` is true). */
const sameValue = (key: string, value: unknown): boolean =>
  typeof value === "number" ? Number(key) === value : typeof value === "boolean" ? key.toLowerCase() === String(value) : key === value;

/** The values the schema's discriminator property allows (its const or enum), or undefined when it does not restrict them. */
function allowedValues(document: Raw, schema: unknown, property: string): unknown[] | undefined {
  for (const part of allOfParts(document, schema)) {
    const declared =
      isRecord(part.properties) && Object.hasOwn(part.properties, property) ? follow(document, part.properties[property]) : undefined;
    if (!isRecord(declared)) continue;
    if ("const" in declared) return [declared.const];
    if (Array.isArray(declared.enum)) return declared.enum;
  }
  return undefined;
}
