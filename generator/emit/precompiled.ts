/**
 * The templates compiled ahead of time. Handlebars' compiler is a twelfth of a run that has little
 * else to do (a one-schema edit), so the build (generator/build.mjs) replaces this module in dist/
 * with each template's precompiled specification, and the CLI loads only handlebars' runtime.
 * From source (the tests) there are none, and emit/templates.ts compiles the .hbs files with the
 * same options; the drift check holds the two to the same output.
 */
export const PRECOMPILED: Readonly<Record<string, object>> | undefined = undefined;
