/**
 * Files the package ships beside its code (data/, dist/web/), found from wherever the code runs:
 * dist/src/ as compiled, or the command line's bundle in dist/cli/. Node only.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The folder of swissround's package.json: the first one named swissround above this file. Without
 * one (the code bundled into someone else's program), the compiled layout's root, two levels above
 * dist/src/: a missing file is then reported where it is read, not when this module loads.
 */
function packageRoot(): string {
  if (root !== undefined) return root;
  const here = dirname(fileURLToPath(import.meta.url));
  root = join(here, "..", "..");
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    try {
      if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "swissround") {
        root = dir;
        break;
      }
    } catch {
      // An unreadable or malformed package.json is not ours: keep looking.
    }
  }
  return root;
}

/** A path inside the package, e.g. packagePath("data", "x.csv"); a trailing "/" is kept. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
