import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type Handlebars from "handlebars";
import { PRECOMPILED } from "./precompiled.js";
import { HOLES, type Hole } from "./print/holes.js";
import { holeMark, printTemplate } from "./print/template.js";

/** A template: a view model in, the file's text out, in its final layout. */
export type Template = (view: object) => string;

/** The templates/ folder of this package, found upward from this module (source or dist/ bundle). */
function templatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "templates", "runtime.ts.hbs"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("specforge: cannot find its templates/ folder");
    dir = parent;
  }
  return join(dir, "templates");
}

/** How every template is compiled (generator/build.mjs precompiles with the same). */
const OPTIONS = { noEscape: true, strict: true } as const;

/**
 * The templates in a handlebars environment of their own: precompiled in dist/ (only the runtime
 * is loaded), compiled here from source. `noEscape`: every value a template prints was already
 * escaped for its context by emit/escape.ts; HTML escaping would corrupt TypeScript. `strict`: a
 * template naming a field the view model lacks fails instead of printing nothing.
 */
export function loadTemplates<const N extends string>(names: readonly N[]): Record<N, Template> {
  // Set up on the first rendering: a run that takes every file from the last one (emit/reuse.ts) needs none.
  let compiled: Map<string, HandlebarsTemplateDelegate> | undefined;
  const template = (name: N): HandlebarsTemplateDelegate => {
    compiled ??= compileAll(names);
    return compiled.get(name)!;
  };
  const entries = names.map((name): [N, Template] => [
    name,
    (view) => {
      const holes: Hole[] = [];
      return printTemplate(template(name)(view, { data: { holes } }), holes);
    },
  ]);
  return Object.fromEntries(entries) as Record<N, Template>;
}

function compileAll(names: readonly string[]): Map<string, HandlebarsTemplateDelegate> {
  const require = createRequire(import.meta.url);
  const handlebars = (require(PRECOMPILED ? "handlebars/runtime" : "handlebars") as typeof Handlebars).create();
  // Each helper leaves a hole for a print-tree node; the holes of one rendering travel in its data.
  for (const [name, build] of Object.entries(HOLES)) {
    handlebars.registerHelper(name, (...args: unknown[]) => {
      const { data } = args.pop() as { data: { holes: Hole[] } };
      data.holes.push((build as (...nodes: unknown[]) => Hole)(...args));
      return holeMark(data.holes.length - 1);
    });
  }
  const compile = (name: string): HandlebarsTemplateDelegate => {
    const precompiled = PRECOMPILED?.[name];
    if (precompiled) return handlebars.template(precompiled as Parameters<typeof handlebars.template>[0]);
    // Line ends normalized: a checkout with CRLF must not change the output.
    return handlebars.compile(readFileSync(join(templatesDir(), `${name}.ts.hbs`), "utf8").replace(/\r\n?/g, "\n"), OPTIONS);
  };
  return new Map(names.map((name) => [name, compile(name)]));
}
