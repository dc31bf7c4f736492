// Builds CEAD.
//   node scripts/build.mjs          the Apps Script project (build/Code.js, build/sidebar.html,
//                                   build/appsscript.json) and the Node command (build/cli/)
//   node scripts/build.mjs --cli    only the Node command (run by `npm install`, so `npx cead` works at once)
//   node scripts/build.mjs --gas    only the Apps Script project
//   node scripts/build.mjs --bench  the Node command, the benchmark runner (build/cli/bench.js) and the
//                                   Apps Script project (the bench reports the size of build/Code.js)
//   --out DIR                       write there instead of build/ (the tests build into test-output/)
//
// Apps Script V8 has no modules: esbuild bundles src/main.gas.ts into one IIFE that assigns its exports to
// a global object, and the build appends one real top-level function declaration per entry point (from
// src/gas/entry-points.json, the list the bundle test also reads), because triggers, menus and
// google.script.run can only call top-level function declarations.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 && args[outAt + 1] ? resolve(process.cwd(), args[outAt + 1]) : join(root, 'build');
const cliOnly = args.includes('--cli');
const gasOnly = args.includes('--gas');
const benchOnly = args.includes('--bench');
const GLOBAL = '__CEAD__';

// `cead google` runs Google's clients in a worker thread (src/node/google/sync-bridge.ts): its own file.
const GOOGLE_WORKER = { 'google-worker': join(root, 'src/node/google/google-worker.ts') };

export async function buildCli(entryPoints = { cead: join(root, 'src/node/main.ts') }) {
  mkdirSync(join(out, 'cli'), { recursive: true });
  await build({
    entryPoints: { ...entryPoints, ...GOOGLE_WORKER },
    outdir: join(out, 'cli'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

export async function buildGas() {
  mkdirSync(out, { recursive: true });
  const entryNames = JSON.parse(readFileSync(join(root, 'src/gas/entry-points.json'), 'utf8'));
  const result = await build({
    entryPoints: [join(root, 'src/main.gas.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['main', 'module'],
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const bundle = result.outputFiles[0].text;
  const stubs = entryNames
    .map(
      (name) =>
        `/** CEAD entry point (generated from src/gas/entry-points.json). */\n` +
        `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`,
    )
    .join('\n');
  writeFileSync(join(out, 'Code.js'), `${bundle}\n${stubs}\n`);
  copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
  const { buildSidebar } = await import(join(root, 'src/sidebar/build-sidebar.mjs'));
  await buildSidebar({ root, out });
}

if (benchOnly) {
  // The draft benchmark runs build/cli/cead.js: build it too, so the figures are the current code's.
  await buildCli({ cead: join(root, 'src/node/main.ts'), bench: join(root, 'scripts/bench.ts') });
  await buildGas();
} else {
  if (!gasOnly) await buildCli();
  if (!cliOnly) await buildGas();
}
