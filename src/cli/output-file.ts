/**
 * Where an output goes, checked before any work starts, and written so that nothing a user's flags
 * name can be broken: a regular file is replaced atomically (temporary file, then rename) with its
 * mode kept; a symlink's target is written, not the link; a character device or FIFO (/dev/null,
 * /dev/stdout, a pipe) is written directly; a directory, a socket, a read-only file and any input
 * of the run are refused. Every failure is an InputError (exit 2) naming the path and the reason.
 */
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  lstatSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../table/errors.js";

export interface OutputFile {
  /** As the user wrote it (for messages). */
  shown: string;
  /** The path written: the symlink's target for a symlink. */
  path: string;
  /** replace: a new or regular file, replaced atomically; direct: a device or FIFO, opened and written. */
  mode: "replace" | "direct";
  /** The existing regular file's mode and owner, kept when it is replaced. */
  keep?: { mode: number; uid: number; gid: number };
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EISDIR: "is a directory",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many levels of symbolic links",
  EMFILE: "too many open files",
  EXDEV: "the temporary file is on another device",
};

/** "no space left on the device (ENOSPC)" for a failed system call. */
export function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code ? REASONS[err.code] : undefined;
  return reason ? `${reason} (${err.code})` : (err.message ?? String(e));
}

function statOrUndefined(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** The same file as any input (same device and inode: a hard link or another spelling of the path counts). */
function sameAs(stats: Stats, inputs: readonly string[]): string | undefined {
  for (const input of inputs) {
    const s = statOrUndefined(input, true);
    if (s && s.dev === stats.dev && s.ino === stats.ino) return input;
  }
  return undefined;
}

/** The directory a new file will be created in must exist and be writable. */
function checkDirectory(dir: string, shown: string, option: string): void {
  const d = statOrUndefined(dir, true);
  if (!d) throw new InputError(`${option} ${shown}: the directory ${dir} does not exist`);
  if (!d.isDirectory()) throw new InputError(`${option} ${shown}: ${dir} is not a directory`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new InputError(`${option} ${shown}: cannot write in ${dir}: ${reasonOf(e)}`);
  }
}

/** Resolves and checks an output path before the run; `inputs` are the files the run reads. */
export function checkOutputFile(shown: string, option: string, inputs: readonly string[] = []): OutputFile {
  if (shown.trim() === "") throw new InputError(`${option}: the file name is empty`);
  let path = resolve(shown);
  let link = statOrUndefined(path, false);
  if (link?.isSymbolicLink()) {
    // Write where the link points (the link stays a link); a dangling link creates its target.
    try {
      path = realpathSync(path);
    } catch {
      path = resolve(dirname(path), readlinkSync(path));
    }
    link = statOrUndefined(path, false);
  }
  const stats = link;
  if (!stats) {
    checkDirectory(dirname(path), shown, option);
    return { shown, path, mode: "replace" };
  }
  const input = sameAs(stats, inputs);
  if (input !== undefined) throw new InputError(`${option} ${shown}: is an input of this run (${input}); write the output elsewhere`);
  if (stats.isDirectory()) throw new InputError(`${option} ${shown}: is a directory; give a file name`);
  if (stats.isCharacterDevice() || stats.isFIFO()) return { shown, path, mode: "direct" };
  if (!stats.isFile()) throw new InputError(`${option} ${shown}: is not a regular file, a device or a pipe; give a file name`);
  // Checked on the mode bits, not with access(): root may write anything, but a read-only file says "keep me".
  if ((stats.mode & 0o222) === 0) throw new InputError(`${option} ${shown}: the file is read-only; remove it or write elsewhere`);
  checkDirectory(dirname(path), shown, option);
  return { shown, path, mode: "replace", keep: { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid } };
}

/** Writes the content; a failure (disk full, file too large, a vanished directory) is an InputError naming the file. */
export function writeOutputFile(out: OutputFile, content: string | Uint8Array, option = "-o"): void {
  if (out.mode === "direct") {
    try {
      writeFileSync(out.path, content);
    } catch (e) {
      throw new InputError(`${option} ${out.shown}: cannot write: ${reasonOf(e)}`);
    }
    return;
  }
  const tmp = join(dirname(out.path), `.${basename(out.path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content, { mode: out.keep?.mode ?? 0o666 });
    if (out.keep) {
      chmodSync(tmp, out.keep.mode);
      // Only root can give a file away; anyone else keeps their own file as it was.
      if (process.getuid?.() === 0) chownSync(tmp, out.keep.uid, out.keep.gid);
    }
    renameSync(tmp, out.path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${option} ${out.shown}: cannot write: ${reasonOf(e)}`);
  }
}
