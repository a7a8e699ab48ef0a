import { join } from "node:path";
import type { RenderedFile } from "../files.js";

/**
 * `--prettier`: the generated files formatted with the user's own prettier configuration (the
 * .prettierrc or package.json key that applies to the output folder, and .editorconfig), for a
 * team whose style differs from the one the generator prints. Without it prettier is never
 * loaded: the printer (print/) already writes prettier's layout at its default settings, width 100.
 */
export async function formatWithUserConfig(files: RenderedFile[], out: string): Promise<RenderedFile[]> {
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (file) => {
      if (!file.path.endsWith(".ts")) return file;
      const filepath = join(out, file.path);
      const config = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {};
      return { path: file.path, content: await prettier.format(file.content, { ...config, filepath }) };
    }),
  );
}

/** What `--prettier` output depends on besides the generator: prettier's version and the configuration for the folder. */
export async function userConfigFingerprint(out: string): Promise<string> {
  const prettier = await import("prettier");
  const config = await prettier.resolveConfig(join(out, "index.ts"), { editorconfig: true });
  return JSON.stringify({ version: prettier.version, config });
}
