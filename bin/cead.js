#!/usr/bin/env node
// The `cead` command. `npm install` builds build/cli/cead.js (postinstall); a checkout whose build is
// missing, or older than a file under src/ (a developer's edit), is built here first, so `npx cead` never
// runs stale code or fails for want of a build step.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const built = join(root, 'build', 'cli', 'cead.js');

function newestUnder(dir) {
  // A copy without sources (a packed install, a test's copy) has nothing to be stale against.
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(built) || newestUnder(join(root, 'src')) > statSync(built).mtimeMs) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write('cead: could not build the command (run `npm run build:cli` to see why)\n');
    process.exit(2);
  }
}
require(built)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`cead: unexpected error: ${String(e?.message ? e.message : e).split('\n')[0]}\n`);
      process.exitCode = 2;
    },
  );
