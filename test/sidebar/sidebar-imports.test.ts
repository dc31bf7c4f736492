/**
 * The page runs in the browser: it may use the pure core, but from the Apps Script and Node shells only
 * types (the SidebarApi contract). A value import would pull server code, or Apps Script globals, into the
 * page's bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../src/sidebar');
const IMPORT = /^\s*import\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]/gm;

function shellValueImports(source: string): string[] {
  return [...source.matchAll(IMPORT)]
    .filter((m) => !m[1] && /(^|\/)(gas|node)\//.test(m[2]!))
    .map((m) => m[2]!);
}

describe('src/sidebar imports', () => {
  it('take only types from src/gas and src/node', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect([file, shellValueImports(readFileSync(join(DIR, file), 'utf8'))]).toEqual([file, []]);
    }
  });

  it('the check itself tells a value import from a type import', () => {
    expect(shellValueImports("import type { SidebarApi } from '../gas/sidebar-api';")).toEqual([]);
    expect(shellValueImports("import { createSidebarServer } from '../gas/sidebar-server';")).toEqual([
      '../gas/sidebar-server',
    ]);
    expect(shellValueImports("import { h } from './dom';\nimport { x } from '../node/io';")).toEqual([
      '../node/io',
    ]);
  });
});
