import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES } from '../../../src/core/check';

const DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'findings.md'), 'utf8');

describe('docs/findings.md', () => {
  it('lists every registered code with its severity, in the registry’s order, and no other', () => {
    const rows = [...DOC.matchAll(/^\| `([A-Z_]+)` \| (error|warning|info) \|/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(rows).toEqual(FINDING_CODES.map((c) => `${c.code} ${c.severity}`));
  });
});
