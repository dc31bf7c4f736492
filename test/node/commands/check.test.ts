import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/node/cli';
import { recordingIo } from './fake-io';

const corpus = join(__dirname, '..', '..', 'check-corpus');
const answers = join(corpus, 'answers', 'delgado.json');
const dir = mkdtempSync(join(tmpdir(), 'cead-check-'));
const others = join(dir, 'others.txt');
writeFileSync(others, '# other orders\nChinedu Okafor\n\nHannah Kowalski\n');

async function run(...argv: string[]) {
  const io = recordingIo();
  const code = await main(['check', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('cead check', () => {
  it('exits 0 on a clean letter, with warnings or notes only', async () => {
    const r = await run(join(corpus, 'clean', 'delgado-1.txt'), '--answers', answers, '--others', others);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/Errors:/);
  });

  it('exits 1 and groups errors first, with line:column and excerpt', async () => {
    const r = await run(
      join(corpus, 'seeded', 'delgado-copied.txt'),
      '--answers',
      answers,
      '--others',
      others,
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^.*delgado-copied\.txt: 2 errors/);
    const text = readFileSync(join(corpus, 'seeded', 'delgado-copied.txt'), 'utf8');
    const at = text.indexOf('Emergency Medicine');
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    expect(r.out).toContain(`Errors:\n  SPECIALTY_MISMATCH ${line}:${column}  “Emergency Medicine”`);
    expect(r.out).toContain('OTHER_CANDIDATE_NAME');
  });

  it('prints the findings array with --json', async () => {
    const r = await run(join(corpus, 'seeded', 'delgado-slips.txt'), '--answers', answers, '--json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as {
      code: string;
      severity: string;
      excerpt: string;
      start: number;
      end: number;
    }[];
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'NAME_MISMATCH',
      'NAME_MISMATCH',
      'PRONOUN_MISMATCH',
      'DATE_MISMATCH',
    ]);
    expect(Object.keys(findings[0]!)).toEqual([
      'code',
      'severity',
      'message',
      'excerpt',
      'start',
      'end',
      'source',
    ]);
  });

  it('uses --date when the letter has no date line', async () => {
    const letter = join(dir, 'undated.md');
    writeFileSync(
      letter,
      '**Dear Program Director:**\n\nI supervised Dr. Rosa Delgado during her externship from March 2 to March 27, 2026.\n',
    );
    const early = await run(letter, '--answers', answers, '--date', '2026-03-20', '--json');
    expect(JSON.parse(early.out).map((f: { code: string }) => f.code)).toContain('DATE_ORDER');
    const late = await run(letter, '--answers', answers, '--date', '4/2/2026', '--json');
    expect(JSON.parse(late.out).map((f: { code: string }) => f.code)).not.toContain('DATE_ORDER');
  });

  it.each([
    [['--answers', answers], 'cead check: give exactly one LETTER file (.docx, .txt or .md)\n'],
    [['x.txt'], 'cead check: missing --answers FILE\n'],
    [
      [join(dir, 'missing.txt'), '--answers', answers],
      `cead check: ${join(dir, 'missing.txt')}: no such file\n`,
    ],
    [
      [join(corpus, 'clean', 'delgado-1.txt'), '--answers', join(dir, 'none.json')],
      `cead check: --answers ${join(dir, 'none.json')}: no such file\n`,
    ],
    [
      [join(corpus, 'clean', 'delgado-1.txt'), '--answers', answers, '--date', 'soon'],
      expect.stringMatching(/^cead check: --date "soon" is not a date/),
    ],
  ])('exits 2 on unusable input %#', async (argv, err) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toEqual(err);
  });

  it('exits 2 on answers that are not JSON and on an unreadable .docx', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"candidate.fullName": ');
    expect((await run(join(corpus, 'clean', 'delgado-1.txt'), '--answers', bad)).code).toBe(2);
    const docx = join(dir, 'broken.docx');
    writeFileSync(docx, 'PK not really');
    const r = await run(docx, '--answers', answers);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a readable \.docx/);
  });
});
