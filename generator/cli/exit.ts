/** Exit codes: 0 output current or written, 1 drift found by --check (or breaking changes under --fail-on breaking), 2 bad input or failure. */
export const EXIT = { ok: 0, drift: 1, badInput: 2 } as const;

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A path as the user gave it (messages name what the user typed), without trailing slashes. */
export const pathLabel = (path: string): string => path.replace(/(?<=.)[/\\]+$/, "");

/** A folder as the user gave it, with one trailing slash. */
export const folderLabel = (path: string): string => (pathLabel(path) === "/" ? "/" : `${pathLabel(path)}/`);
