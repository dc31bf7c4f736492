import { EDGE_PROBLEMS, parseStress, stressNames } from './corpus';

// The stress sets go through the parser `cead draft` uses (parseAnswersJson), so they are input a real
// order could carry; only the edge sets the questionnaire itself refuses get their one expected problem.
describe('stress corpus answers', () => {
  const names = stressNames();

  it.each(names)('%s parses as `cead draft` reads it', (name) => {
    const parsed = parseStress(name);
    const edge = EDGE_PROBLEMS[name];
    expect(parsed.problems.map((p) => p.itemId)).toEqual(edge ? [edge] : []);
  });

  it('names each edge set that exists', () => {
    for (const name of Object.keys(EDGE_PROBLEMS)) expect(names).toContain(name);
  });
});
