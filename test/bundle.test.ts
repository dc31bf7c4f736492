/**
 * The built Apps Script bundle, loaded the way Apps Script loads it: one script in a fresh global
 * context (gas-local's vm), with no Node globals.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import entryPoints from '../src/gas/entry-points.json';
import { TEST_BUILD_DIR } from './build-output';

// gas-local has no typings.
// biome-ignore lint/suspicious/noExplicitAny: untyped CommonJS module
const gas: { require: (dir: string, globals: object) => any } = require('gas-local');

const code = readFileSync(join(TEST_BUILD_DIR, 'Code.js'), 'utf8');

function loadBundle(globals: object = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cead-bundle-'));
  copyFileSync(join(TEST_BUILD_DIR, 'Code.js'), join(dir, 'Code.js'));
  return gas.require(dir, { ...globals });
}

describe('build/Code.js', () => {
  it('declares every listed entry point as a top-level function', () => {
    const ctx = loadBundle();
    for (const name of entryPoints) {
      expect([name, typeof ctx[name]]).toEqual([name, 'function']);
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, 'm'));
    }
  });

  it('lists each entry point once, and each one is exported by src/main.gas.ts', async () => {
    expect(new Set(entryPoints).size).toBe(entryPoints.length);
    const main = await import('../src/main.gas');
    for (const name of entryPoints)
      expect([name, typeof (main as Record<string, unknown>)[name]]).toEqual([name, 'function']);
  });

  it('exports no global function that the list forgets', async () => {
    const main = await import('../src/main.gas');
    const exported = Object.keys(main).filter(
      (k) => typeof (main as Record<string, unknown>)[k] === 'function',
    );
    expect(exported.sort()).toEqual([...entryPoints].sort());
  });

  it('needs nothing that Apps Script V8 lacks', () => {
    // Word boundaries: esbuild's own CommonJS helper is named `__require`, which is fine.
    const banned: Array<[string, RegExp]> = [
      ['require(', /(?<![\w$])require\(/],
      ['import ', /(?<![\w$.])import[\s(]/],
      ['process.', /(?<![\w$.])process\./],
      ['setTimeout', /(?<![\w$.])setTimeout\b/],
      ['fetch(', /(?<![\w$.])fetch\(/],
    ];
    for (const [name, pattern] of banned) {
      const at = code.search(pattern);
      expect([name, at < 0 ? '' : code.slice(Math.max(0, at - 60), at + 40)]).toEqual([name, '']);
    }
  });

  it('the banned-name scan catches each name it looks for', () => {
    // The scan above must be able to fail: each pattern finds its name in a line that uses it.
    const samples = [
      'var fs = require("fs");',
      'import x from "y";',
      'process.env.X',
      'setTimeout(f, 1)',
      'fetch(url)',
    ];
    const patterns = [
      /(?<![\w$])require\(/,
      /(?<![\w$.])import[\s(]/,
      /(?<![\w$.])process\./,
      /(?<![\w$.])setTimeout\b/,
      /(?<![\w$.])fetch\(/,
    ];
    for (const [i, p] of patterns.entries()) expect(p.test(samples[i]!)).toBe(true);
    expect(/(?<![\w$])require\(/.test('function __require() {}')).toBe(false);
  });

  it('calls no service while loading (the bundle top level runs in onOpen’s limited mode)', () => {
    // Any service touched at load time would be a ReferenceError here: the context has no services.
    expect(() => loadBundle()).not.toThrow();
  });
});
