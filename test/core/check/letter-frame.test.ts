import { BASE_LETTER, codes, DELGADO, edited, run } from './helpers';

describe('LETTER_DATE and LETTER_DATE_LATE', () => {
  it('finds a letter with no date line', () => {
    expect(codes(run(BASE_LETTER.replace('April 2, 2026\n', '')), 'LETTER_DATE')).toEqual(['']);
  });
  it('accepts a date line at the top, after "Date:", in ISO form, or above the signature', () => {
    const undated = BASE_LETTER.replace('April 2, 2026\n', '');
    expect(codes(run(BASE_LETTER), 'LETTER_DATE')).toEqual([]);
    expect(codes(run(BASE_LETTER.replace('April 2, 2026', 'Date: 2026-04-02')), 'LETTER_DATE')).toEqual([]);
    expect(codes(run(undated.replace('Sincerely,', 'April 2, 2026\n\nSincerely,')), 'LETTER_DATE')).toEqual(
      [],
    );
  });
  it('leaves an unfilled date slot to PLACEHOLDER', () => {
    const text = BASE_LETTER.replace('April 2, 2026', '[letter date]');
    expect(codes(run(text), 'LETTER_DATE')).toEqual([]);
    expect(codes(run(text), 'PLACEHOLDER')).toEqual(['[letter date]']);
  });
  it('warns when the letter is dated more than a year after the rotation', () => {
    expect(codes(run(BASE_LETTER.replace('April 2, 2026', 'April 2, 2027')), 'LETTER_DATE_LATE')).toEqual([
      'April 2, 2027',
    ]);
    expect(codes(run(BASE_LETTER.replace('April 2, 2026', 'March 20, 2027')), 'LETTER_DATE_LATE')).toEqual(
      [],
    );
  });
});

describe('CONTACT_MISMATCH', () => {
  it('finds an email and a phone that are not the recommender’s', () => {
    const text = edited(
      'Please contact me at mchen@example.org or (206) 555-0188',
      'Please contact me at rosa.delgado@example.com or 206-555-0199',
    );
    expect(codes(run(text), 'CONTACT_MISMATCH')).toEqual(['rosa.delgado@example.com', '206-555-0199']);
  });
  it('finds another physician in the signature or the letterhead', () => {
    const signed = BASE_LETTER.replace(/Michael Chen, MD\nClinical/, 'Karen Whitfield, MD\nClinical');
    expect(codes(run(signed), 'CONTACT_MISMATCH')).toEqual(['Karen Whitfield, MD']);
    const head = BASE_LETTER.replace(/^Michael Chen, MD/, 'Dr. Laura Brandt, MD');
    expect(codes(run(head), 'CONTACT_MISMATCH')[0]).toMatch(/^Dr\. Laura Brandt, MD/);
  });
  it('accepts the recommender’s own details in any phone format, a fax number and an extension', () => {
    const text = edited(
      'Please contact me at mchen@example.org or (206) 555-0188',
      'Please contact me at MChen@example.org or 206.555.0188 (fax (206) 555-0100)',
    );
    expect(codes(run(text), 'CONTACT_MISMATCH')).toEqual([]);
    const ext = { ...DELGADO, 'recommender.phone': '(206) 555-0188 ext. 4410' };
    expect(codes(run(BASE_LETTER, ext), 'CONTACT_MISMATCH')).toEqual([]);
  });
});
