import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDGE_PROBLEMS, parseStress, STRESS_DIR, stressNames } from './corpus';

// The stress sets go through the parser `cead draft` uses (parseAnswersJson), so they are input a real
// order could carry; only the edge sets the questionnaire itself refuses get their one expected problem.
describe('stress corpus answers', () => {
  const names = stressNames();

  it.each(names)('%s parses as `cead draft` reads it', (name) => {
    const parsed = parseStress(name);
    const edge = EDGE_PROBLEMS[name];
    expect(parsed.problems.map((p) => p.itemId)).toEqual(edge ? [edge] : []);
  });

  it('lists every set in the README table, and no other', () => {
    const readme = readFileSync(join(STRESS_DIR, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(names);
  });

  it('has at least 32 sets, and names each edge set that exists', () => {
    expect(names.length).toBeGreaterThanOrEqual(32);
    for (const name of Object.keys(EDGE_PROBLEMS)) expect(names).toContain(name);
  });
});
