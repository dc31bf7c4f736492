import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');

/**
 * A fresh copy of the installed command under test-output/<name>: bin/cead.js beside a build/cli built
 * now, as `npm install` leaves them, so a test runs the real binary without depending on or disturbing the
 * checkout's own build. Returns the path of the copy's bin/cead.js.
 */
export function binaryCopy(name: string): { readonly bin: string; readonly remove: () => void } {
  const dir = join(ROOT, 'test-output', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin/cead.js'), join(dir, 'bin/cead.js'));
  // build.mjs takes --out relative to the working directory.
  execFileSync(
    process.execPath,
    [join(ROOT, 'scripts/build.mjs'), '--cli', '--out', relative(ROOT, join(dir, 'build'))],
    {
      cwd: ROOT,
    },
  );
  return { bin: join(dir, 'bin/cead.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
