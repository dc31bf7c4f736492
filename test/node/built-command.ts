/**
 * The built command (bin/cead.js over a fresh build/cli, see commands/binary-copy.ts) run as a user runs it,
 * in a child process, and a fingerprint of a folder, so a test can say "nothing already there changed".
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { binaryCopy } from './commands/binary-copy';

export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function builtCommand(name: string): {
  readonly run: (args: readonly string[], cwd: string) => CommandRun;
  readonly bin: string;
  readonly remove: () => void;
} {
  const copy = binaryCopy(name);
  return {
    bin: copy.bin,
    remove: copy.remove,
    run(args, cwd) {
      const r = spawnSync(process.execPath, [copy.bin, ...args], {
        cwd,
        encoding: 'utf8',
        timeout: 120000,
        // The command's own memory ceiling stays the default: a bomb must be stopped by the limits, not by V8.
        env: { ...process.env, TZ: 'UTC' },
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

/** Every file under `dir` (relative path → SHA-256 of its bytes); an absent folder is empty. */
export function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = join(dir, rel);
    for (const name of readdirSync(abs)) {
      const path = join(rel, name);
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else
        out.set(
          path,
          createHash('sha256')
            .update(readFileSync(join(dir, path)))
            .digest('hex'),
        );
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

/** The files of `before` that are gone or differ in `after` (new files are not counted). */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([path, hash]) => after.get(path) !== hash).map(([path]) => path);
}
