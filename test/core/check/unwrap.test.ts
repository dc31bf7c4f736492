import { check, type Finding } from '../../../src/core/check';
import { unwrapLines } from '../../../src/core/check/unwrap';
import { cleanLetters, seededLetters } from './corpus';

/** The letter as a PDF or an email pastes it: every line broken at the last space before `width`. */
function hardWrap(text: string, width = 76): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}

/** What a finding says, whatever the line breaks: its code and its excerpt with spaces for breaks. */
function said(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.excerpt.replace(/\s+/g, ' ')}`).sort();
}

describe('hard-wrapped letters', () => {
  // Letters already pasted hard-wrapped are checked as they are (corpus-figures.test.ts); wrapping them again
  // would give the ragged two-width lines no paste produces.
  const letters = [...cleanLetters(), ...seededLetters()].filter((l) =>
    l.text.split('\n').some((x) => x.length > 90),
  );
  it.each(letters.map((l) => [l.file, l] as const))(
    '%s: wrapped at 76 columns, it raises what the letter raises unwrapped',
    (_file, l) => {
      const context = { otherCandidateNames: l.otherCandidateNames, letterDate: l.letterDate };
      const wrapped = hardWrap(l.text);
      expect(wrapped).not.toBe(l.text);
      const findings = check(wrapped, l.answers, context);
      for (const f of findings) expect(wrapped.slice(f.start, f.end)).toBe(f.excerpt);
      expect(said(findings)).toEqual(said(check(l.text, l.answers, context)));
    },
  );

  it('keeps the breaks of the letterhead, date, salutation, headings, list items and signature', () => {
    const text = [
      'Michael Chen, MD',
      'Clinical Associate Professor of Medicine',
      'Harborview Community Hospital',
      'April 2, 2026',
      'Dear Program Director:',
      'Her strengths on the wards were these, in the order I saw them on rounds:',
      '- a complete and careful history and physical examination every morning',
      '- early recognition of sepsis in a patient who looked well on arrival',
      'Sincerely,',
      'Michael Chen, MD',
    ].join('\n');
    expect(unwrapLines(text)).toBe(text);
  });

  it('joins a date range broken across a line', () => {
    const text =
      'It is my pleasure to recommend her. I worked with her on my service from July 14 to\nAugust 8, 2026, and she was excellent.';
    expect(unwrapLines(text)).toBe(text.replace('\n', ' '));
  });
});
