/** Word splitting and casing. Everything here is locale-independent (no toLocale* calls). */

/** Words of a spec name: split on anything that is not a letter or digit, at lower-to-upper steps, and before the last capital of an acronym. */
export function words(text: string): string[] {
  const plain = text.normalize("NFKD").replace(/\p{M}/gu, "");
  return (
    plain
      .split(/[^\p{L}\p{N}]+/u)
      // `userID` -> user, ID; `HTTPGet` -> HTTP, Get.
      .flatMap((part) => part.split(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u))
      .filter((w) => w !== "")
  );
}

const upperFirst = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** `environment_variables_create_Request` -> `EnvironmentVariablesCreateRequest`; inner capitals (HTTP) are kept. */
export const pascalCase = (text: string): string => words(text).map(upperFirst).join("");

/** `Create_Item`, `create-item` -> `createItem`; an all-capital first word is lowered whole (`HTTPGet` stays readable as `httpGet`). */
export function camelCase(text: string): string {
  const [first = "", ...rest] = words(text);
  const head = first === first.toUpperCase() ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return head + rest.map(upperFirst).join("");
}

/** Already a name we would have chosen: starts upper-case, only ASCII letters and digits. */
export const isPascalIdentifier = (text: string): boolean => /^[A-Z][A-Za-z0-9]*$/.test(text);

/** English plural to singular for the last word of a group name: `Variables` -> `Variable`, `Histories` -> `History`. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + "y";
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sses|shes|ches|xes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A valid identifier from a candidate: names starting with a digit get a leading underscore. */
export function identifier(candidate: string, fallback: string): string {
  const valid = candidate.replace(/[^\p{ID_Continue}$\u200C\u200D]/gu, "");
  const name = valid === "" ? fallback : valid;
  return /^\p{ID_Start}/u.test(name) ? name : `_${name}`;
}
