/**
 * Whole-file writes that never leave a half-written file behind: the bytes go to a temporary file in the
 * same folder, then a rename replaces the target. A rename within one file system is atomic on POSIX and
 * on NTFS, so a reader (or a crash) sees the old file or the new one, never a mixture. The temporary file
 * must be in the target's folder: a rename across file systems (e.g. from /tmp) is a copy, not atomic.
 */
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** The temporary name next to `path`; a leading dot keeps it out of casual folder listings. */
export function temporaryPathFor(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
}

export interface WriteOptions {
  /**
   * fsync before the rename, so the new bytes survive a power cut, not only a crash of the process. It
   * costs several milliseconds a file on ordinary disks: worth it for tracker.xlsx, written once per run,
   * too much for the dozen small records of every order in a batch of thousands.
   */
  readonly durable?: boolean;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      if (options.durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // The temporary file was never made or is already renamed: nothing to clean up.
    }
    throw e;
  }
}

export interface StreamWriteOptions extends WriteOptions {
  /** Run after every byte is written and before the rename; throwing keeps the old file. */
  readonly beforeReplace?: () => void;
}

/**
 * `writeFileAtomic` for content too large to build in memory first: `write` streams it into the temporary
 * file (its promise settles once it has ended the stream), which then replaces `path` by a rename.
 */
export async function writeStreamAtomic(
  path: string,
  write: (stream: NodeJS.WritableStream) => Promise<void>,
  options: StreamWriteOptions = {},
): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  const fd = openSync(temporary, 'wx');
  let open = true;
  try {
    const stream = createWriteStream('', { fd, autoClose: false });
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    await write(stream);
    await finished;
    if (options.durable) fsyncSync(fd);
    closeSync(fd);
    open = false;
    options.beforeReplace?.();
    renameSync(temporary, path);
  } catch (e) {
    if (open) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or never made: nothing to clean up.
    }
    throw e;
  }
}

const TEMPORARY = /^\..+\.\d+\.\d+\.tmp$/;

/**
 * Removes the temporary files a run killed mid-write left in `root` and the folders under it (a crash
 * between the write and the rename). Called while holding the folder's lock, when no other run can be
 * writing, so every temporary file there is a leftover. Returns how many were removed.
 */
export function removeLeftoverTemporaries(root: string): number {
  let removed = 0;
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(path, depth + 1);
      else if (entry.isFile() && TEMPORARY.test(entry.name)) {
        unlinkSync(path);
        removed += 1;
      }
    }
  };
  walk(root, 0);
  return removed;
}
