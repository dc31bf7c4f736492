import { findBoundaryViolations } from './boundary-check';

describe('the core/shell boundary', () => {
  it('src/core imports nothing from a shell, Node, or an unlisted package', () => {
    expect(findBoundaryViolations('src/core')).toEqual([]);
  });

  it('catches a core file that imports a shell folder or a Node built-in (fixture)', () => {
    const found = findBoundaryViolations('test/fixtures/boundary/src/core');
    expect(found.map((v) => [v.file.split('/').pop(), v.specifier, v.reason]).sort()).toEqual([
      ['also-leaky.ts', 'node:fs', 'imports a Node built-in'],
      ['leaky.ts', '../gas/menu', 'imports from outside src/core'],
    ]);
  });
});
