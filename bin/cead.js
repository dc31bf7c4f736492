#!/usr/bin/env node
// The `cead` command. `npm install` builds build/cli/cead.js (postinstall); a checkout whose build is
// missing builds it here first, so `npx cead` never fails for want of a build step.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const built = join(__dirname, '..', 'build', 'cli', 'cead.js');
if (!existsSync(built)) {
  const r = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs'), '--cli'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write('cead: could not build the command (run `npm run build:cli` to see why)\n');
    process.exit(2);
  }
}
require(built)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
