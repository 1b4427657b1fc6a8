/** Writing results: to stdout, or to a file atomically (temporary file, then rename). */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeAtomic(path: string, content: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes to `path`, or to stdout when there is none. */
export function emit(content: string, path?: string): void {
  if (path) writeAtomic(path, content);
  else process.stdout.write(content);
}
