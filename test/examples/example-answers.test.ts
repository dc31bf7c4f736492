import { ITEMS } from '../../src/core/questionnaire';
import { exampleNames, rawExample } from './example-answers';

// Checked against the questionnaire itself, so the examples stay valid input for every consumer.
describe('bundled example answers', () => {
  const names = exampleNames();

  it('has at least the eight invented candidates the letter tests rely on', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  it.each(names)('%s answers every required item with a valid value', (name) => {
    const raw = rawExample(name);
    const problems: string[] = [];
    for (const key of Object.keys(raw)) {
      if (!ITEMS.some((i) => i.id === key)) problems.push(`unknown item ${key}`);
    }
    for (const item of ITEMS) {
      const value = raw[item.id];
      if (value === undefined || value.trim() === '') {
        if (item.required) problems.push(`${item.id} is required`);
        continue;
      }
      const v = item.validation ?? {};
      if (item.type === 'choice' && !item.allowOther && !item.choices?.includes(value)) {
        problems.push(`${item.id}: "${value}" is not a choice`);
      }
      if (item.type === 'number') {
        const n = Number(value);
        if (!Number.isFinite(n)) problems.push(`${item.id}: not a number`);
        if (v.integer && !Number.isInteger(n)) problems.push(`${item.id}: not whole`);
        if (v.min !== undefined && n < v.min) problems.push(`${item.id}: below ${v.min}`);
        if (v.max !== undefined && n > v.max) problems.push(`${item.id}: above ${v.max}`);
      }
      if (item.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push(`${item.id}: not ISO`);
      if (item.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
        problems.push(`${item.id}: email`);
      if (v.minLength !== undefined && value.trim().length < v.minLength)
        problems.push(`${item.id}: too short`);
      if (v.maxLength !== undefined && value.length > v.maxLength) problems.push(`${item.id}: too long`);
      if (v.pattern && !new RegExp(v.pattern).test(value.trim())) problems.push(`${item.id}: pattern`);
    }
    if ((raw['rotation.start'] ?? '') > (raw['rotation.end'] ?? ''))
      problems.push('rotation ends before it starts');
    expect(problems).toEqual([]);
  });

  it('covers the cases the letter must handle', () => {
    const all = names.map(rawExample);
    const pronouns = new Set(all.map((a) => a['candidate.pronouns']));
    for (const p of ['she/her', 'he/him', 'they/them']) expect(pronouns).toContain(p);
    expect([...pronouns].some((p) => !['she/her', 'he/him', 'they/them'].includes(p ?? ''))).toBe(true);
    const types = all.map((a) => a['candidate.type']);
    expect(types).toContain('International medical graduate');
    expect(types).toContain('Visiting international student');
    const text = all.map((a) => Object.values(a).join('\n')).join('\n');
    expect(text).toMatch(/[ÑØñøúé]/);
    expect(text).toMatch(/\r\n/);
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    expect(Math.max(...all.map((a) => (a['competency.patientCare'] ?? '').length))).toBeGreaterThan(4500);
    expect(
      all.some((a) => a['rotation.hoursPerWeek'] === undefined && a['recommender.phone'] === undefined),
    ).toBe(true);
  });
});
