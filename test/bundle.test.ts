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
    for (const name of entryPoints) expect([name, typeof (main as Record<string, unknown>)[name]]).toEqual([name, 'function']);
  });

  it('exports no global function that the list forgets', async () => {
    const main = await import('../src/main.gas');
    const exported = Object.keys(main).filter((k) => typeof (main as Record<string, unknown>)[k] === 'function');
    expect(exported.sort()).toEqual([...entryPoints].sort());
  });

  it('needs nothing that Apps Script V8 lacks', () => {
    for (const banned of ['require(', 'import ', 'process.', 'setTimeout', 'fetch(']) {
      expect([banned, code.includes(banned)]).toEqual([banned, false]);
    }
  });

  it('calls no service while loading (the bundle top level runs in onOpen’s limited mode)', () => {
    // Any service touched at load time would be a ReferenceError here: the context has no services.
    expect(() => loadBundle()).not.toThrow();
  });
});
