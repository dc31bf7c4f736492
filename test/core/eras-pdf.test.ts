import { erasPdfName, isUsLetter } from '../../src/core/eras-pdf';

describe('erasPdfName', () => {
  it('names the letter by candidate and recommender', () => {
    expect(erasPdfName('Rosa Delgado', 'Michael Chen, MD', 'CEAD-AAAAA-BBBBB')).toBe(
      'Rosa Delgado - LOR - Michael Chen, MD.pdf',
    );
  });
  it('drops the characters ERAS and file systems refuse, and control characters', () => {
    const name = erasPdfName('Ana | "Test" * ? : <x> / \\ \u0007 O’Neil', 'Dr. Who?', 'X');
    expect(name).toBe('Ana Test x O’Neil - LOR - Dr. Who.pdf');
    expect(name).not.toMatch(/[|*?:<>"/\\\u0000-\u001F]/);
  });
  it('falls back to the order ID, keeps names short and never ends the base name with a dot', () => {
    expect(erasPdfName('', '', 'CEAD-AAAAA-BBBBB')).toBe('CEAD-AAAAA-BBBBB - LOR.pdf');
    const long = erasPdfName('A'.repeat(300), 'B', 'X');
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(erasPdfName('Jr.', 'Sr.', 'X')).toBe('Jr. - LOR - Sr.pdf');
  });
});

describe('isUsLetter', () => {
  it('accepts 612 × 792 pt and refuses A4', () => {
    expect(isUsLetter({ width: 612, height: 792 })).toBe(true);
    expect(isUsLetter({ width: 595.276, height: 841.89 })).toBe(false);
  });
});
