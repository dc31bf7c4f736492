import { check, codeInfo, FINDING_CODES } from '../../../src/core/check';
import { cleanLetters, locate, seededLetters, V2_CODES } from './corpus';

const ERROR_CODES = FINDING_CODES.filter((c) => c.severity === 'error').map((c) => c.code);
describe('letter-check corpus', () => {
  const seeded = seededLetters();
  const clean = cleanLetters();

  it('has at least 8 clean letters of 350–900 words', () => {
    expect(clean.length).toBeGreaterThanOrEqual(8);
    for (const l of clean) {
      const words = l.text.split(/\s+/).filter(Boolean).length;
      expect([l.file, words >= 350 && words <= 900]).toEqual([l.file, true]);
    }
  });

  it('seeds every error-level code and every code of the check v2 at least three times', () => {
    const counts = new Map<string, number>();
    for (const l of seeded) for (const e of l.expect) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
    for (const code of [...ERROR_CODES, ...V2_CODES])
      expect([code, (counts.get(code) ?? 0) >= 3]).toEqual([code, true]);
  });

  it('finds every seeded error-level problem (recall 100%) and no error it was not seeded with', () => {
    let seededErrors = 0;
    let found = 0;
    const missed: string[] = [];
    const unexpected: string[] = [];
    for (const l of seeded) {
      const findings = check(l.text, l.answers, {
        otherCandidateNames: l.otherCandidateNames,
        letterDate: l.letterDate,
      });
      for (const e of l.expect) {
        if (codeInfo(e.code).severity !== 'error') continue;
        seededErrors++;
        const at = locate(l.text, e);
        const hit = findings.some(
          (f) =>
            f.code === e.code &&
            (at === undefined || (f.start < at.end && f.end > at.start) || f.start === at.start),
        );
        if (hit) found++;
        else missed.push(`${l.file}: ${e.code} "${e.excerpt}"`);
      }
      const expectedCodes = new Set(l.expect.map((e) => e.code));
      for (const f of findings) {
        if (f.severity === 'error' && !expectedCodes.has(f.code))
          unexpected.push(`${l.file}: ${f.code} "${f.excerpt}"`);
      }
    }
    const recall = found / seededErrors;
    console.log(
      `letter check: recall of seeded error-level problems ${(recall * 100).toFixed(1)}% (${found}/${seededErrors})`,
    );
    expect(missed).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(recall).toBe(1);
  });

  it('raises no error-level finding on clean letters', () => {
    const errors: string[] = [];
    for (const l of clean) {
      for (const f of check(l.text, l.answers, { otherCandidateNames: l.otherCandidateNames })) {
        if (f.severity === 'error') errors.push(`${l.file}: ${f.code} "${f.excerpt}" — ${f.message}`);
      }
    }
    console.log(`letter check: ${errors.length} error-level findings on ${clean.length} clean letters`);
    expect(errors).toEqual([]);
  });

  it('reports seeded warnings too', () => {
    for (const l of seeded) {
      const findings = check(l.text, l.answers, {
        otherCandidateNames: l.otherCandidateNames,
        letterDate: l.letterDate,
      });
      for (const e of l.expect.filter((x) => codeInfo(x.code).severity !== 'error')) {
        const at = locate(l.text, e);
        const hit = findings.some(
          (f) => f.code === e.code && (at === undefined || (f.start < at.end && f.end > at.start)),
        );
        expect([l.file, e.code, e.excerpt, hit]).toEqual([l.file, e.code, e.excerpt, true]);
      }
    }
  });

  it('points every finding at its excerpt', () => {
    for (const l of [...seeded, ...clean]) {
      for (const f of check(l.text, l.answers, {
        otherCandidateNames: l.otherCandidateNames,
        letterDate: l.letterDate,
      })) {
        expect(l.text.slice(f.start, f.end)).toBe(f.excerpt);
        expect(f.source.length).toBeGreaterThan(10);
        expect(codeInfo(f.code).severity).toBe(f.severity);
      }
    }
  });
});
