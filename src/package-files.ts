/**
 * Files the package ships beside its code (data/, dist/web/), found from wherever the code runs:
 * dist/src/ as compiled, or the command line's bundle in dist/cli/. Node only.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The folder of swissround's package.json: the first one named swissround above this file. */
function packageRoot(): string {
  if (root !== undefined) return root;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "swissround") {
      root = dir;
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json of swissround above ${here}`);
  }
}

/** A path inside the package, e.g. packagePath("data", "x.csv"); a trailing "/" is kept. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
