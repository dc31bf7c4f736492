/**
 * The first check's findings in the local letter.docx: `cead draft` posts them as Word comments anchored on
 * their passage, LibreOffice reads them back from the file, and drafting again posts nothing twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommentThread } from '../../src/core/editing-session';
import { parseCheckMarker } from '../../src/core/finding-comments';
import { main } from '../../src/node/cli';
import { readDocxThreads } from '../../src/node/docx-comments';
import { recordingIo } from './commands/fake-io';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cead-check-comments-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rosa Delgado's answers with one faint-praise line the composer keeps ("punctual"). */
function answers(): Record<string, string> {
  const path = join(__dirname, '../../examples/answers/rosa-delgado.json');
  const byId = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(byId).map(([k, v]) => [k, String(v)]));
  out['competency.professionalism'] = `${out['competency.professionalism']} I was always punctual.`;
  return out;
}

async function draft(): Promise<number> {
  return main(['draft', 'answers.json', '--out', 'out'], {
    ...recordingIo('2026-09-10T15:00:00Z'),
    cwd: dir,
  });
}

function orderDir(): string {
  const orders = readdirSync(join(dir, 'out', 'orders'));
  expect(orders).toHaveLength(1);
  return join(dir, 'out', 'orders', orders[0]!);
}

const checkThreads = (threads: readonly CommentThread[]) =>
  threads.filter((t) => parseCheckMarker(t.text) !== undefined);

describe('check comments in letter.docx', () => {
  let written: CommentThread[];

  beforeAll(async () => {
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers()));
    await draft();
    written = checkThreads(await readDocxThreads(readFileSync(join(orderDir(), 'letter.docx'))));
  }, 60_000);

  it('carries each error- or warning-level code as a Word comment anchored on its passage', () => {
    expect(written.map((t) => parseCheckMarker(t.text))).toEqual(['DOUBT_RAISER']);
    expect(written[0]!.anchored).toBe(true);
    // The passage itself, not its paragraph.
    expect(written[0]!.quoted).toMatch(/^[^.]{0,40}punctual[^.]{0,10}$/);
    expect(written[0]!.text).toMatch(/Letter check \(warning\): .*\n• “[^”]*punctual[^”]*” — /);
  });

  it('is read back by LibreOffice with the comment on the same passage', async () => {
    const out = join(dir, 'roundtrip');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        out,
        join(orderDir(), 'letter.docx'),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const back = checkThreads(await readDocxThreads(readFileSync(join(out, 'letter.docx'))));
    expect(back.map((t) => [t.text, t.quoted, t.anchored])).toEqual(
      written.map((t) => [t.text, t.quoted, true]),
    );
  }, 150_000);

  it('posts nothing twice when the same answers are drafted again', async () => {
    const before = readFileSync(join(orderDir(), 'comments.json'), 'utf8');
    await draft();
    expect(readFileSync(join(orderDir(), 'comments.json'), 'utf8')).toBe(before);
    const again = checkThreads(await readDocxThreads(readFileSync(join(orderDir(), 'letter.docx'))));
    expect(again.map((t) => t.text)).toEqual(written.map((t) => t.text));
  });
});
