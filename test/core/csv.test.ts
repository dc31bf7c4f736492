import fc from 'fast-check';
import { formatCsv, parseCsv } from '../../src/core/csv';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const text =
      'Timestamp,Full name,Patient Care\r\n"9/8/2026 14:28:27","Delgado, Rosa","I said ""stop"".\r\nThen I\nexamined him."\r\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        ['Timestamp', 'Full name', 'Patient Care'],
        ['9/8/2026 14:28:27', 'Delgado, Rosa', 'I said "stop".\r\nThen I\nexamined him.'],
      ],
      problems: [],
    });
  });

  it('drops a byte-order mark and accepts LF, CRLF, CR and a last line without a break', () => {
    expect(parseCsv('\uFEFFa,b\nc,d').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\r\nc,d\r\n').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a\rb\r').rows).toEqual([['a'], ['b']]);
  });

  it('keeps empty cells, empty quoted cells and blank lines', () => {
    expect(parseCsv('a,,""\n\n,\n').rows).toEqual([['a', '', ''], [''], ['', '']]);
    expect(parseCsv('').rows).toEqual([]);
  });

  it('treats a quote inside an unquoted cell as a character', () => {
    expect(parseCsv('He is 6" tall,x\n').rows).toEqual([['He is 6" tall', 'x']]);
  });

  it('keeps the rest of the file as one cell when a quote is never closed, and says so', () => {
    expect(parseCsv('a,b\n"unclosed, with\nlines,c\n')).toEqual({
      rows: [['a', 'b'], ['unclosed, with\nlines,c\n']],
      problems: [
        { row: 2, message: 'A quoted cell is never closed; the rest of the file was read as one cell.' },
      ],
    });
  });

  it('keeps text after a closing quote and says so', () => {
    expect(parseCsv('"ab"cd,e\n')).toEqual({
      rows: [['abcd', 'e']],
      problems: [{ row: 1, message: 'Text follows a closing quote; it was kept in the same cell.' }],
    });
  });

  it('reads tab-separated text', () => {
    expect(parseCsv('a\t"b\tc"\n', '\t').rows).toEqual([['a', 'b\tc']]);
  });

  it('never throws, and loses no character outside quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const { rows } = parseCsv(s);
        if (!s.includes('"')) {
          const body = s.replace(/^\uFEFF/, '');
          const joined = rows.map((r) => r.join(',')).join('');
          expect(joined).toBe(body.replace(/\r\n|\r|\n/g, ''));
        }
      }),
    );
  });

  it('reads back whatever formatCsv writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '😀', '\t') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        fc.constantFrom(',', '\t', ';'),
        (rows, d) => {
          expect(parseCsv(formatCsv(rows, d), d)).toEqual({ rows, problems: [] });
        },
      ),
    );
  });
});
