/**
 * `cead session` on a .docx whose comments LibreOffice wrote: the test writes a flat ODF text document with
 * annotations (LibreOffice's own comment format), has the real LibreOffice convert it to .docx, and reads
 * the threads back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionCommand } from '../../../src/node/commands/session';
import type { Io } from '../../../src/node/io';
import { UsageError } from '../../../src/node/io';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Note {
  name: string;
  author: string;
  date: string;
  text: string;
  parent?: string;
  resolved?: boolean;
}

function annotation(n: Note): string {
  const attrs = [`office:name="${n.name}"`];
  // LibreOffice 24.2+ reads the parent link; 7.x ignores it and relies on the "Reply to" preface below.
  if (n.parent) attrs.push(`loext:parent-name="${n.parent}"`);
  if (n.resolved) attrs.push('loext:resolved="true"');
  const paragraphs = n.text
    .split('\n')
    .map((p) => `<text:p>${esc(p)}</text:p>`)
    .join('');
  return `<office:annotation ${attrs.join(' ')}><dc:creator>${esc(n.author)}</dc:creator><dc:date>${n.date}</dc:date>${paragraphs}</office:annotation>`;
}

/** LibreOffice's own reply text: its UI prefaces a reply with the comment it answers. */
function reply(
  parent: Note,
  name: string,
  author: string,
  date: string,
  text: string,
  resolved = false,
): Note {
  return {
    name,
    author,
    date,
    parent: parent.name,
    resolved,
    text: `Reply to ${parent.author} (04/01/2026, 10:00): "${parent.text}"\n${text}`,
  };
}

const q1: Note = {
  name: 'c1',
  author: 'Ana Writer',
  date: '2026-04-01T10:00:00',
  text: '[CEAD s1-q1] How many weeks did Dr. Chen supervise you?',
};
const q2: Note = {
  name: 'c2',
  author: 'Ana Writer',
  date: '2026-04-01T10:01:00',
  text: '[CEAD s1-q2] Which procedures did you do?',
  resolved: true,
};
const f1: Note = {
  name: 'c3',
  author: 'Ana Writer',
  date: '2026-04-01T10:02:00',
  text: '[CEAD s1-f1] Please help us check this passage: "hard-working" says little.',
};
const team: Note = {
  name: 'c4',
  author: 'Ben Reviewer',
  date: '2026-03-30T08:00:00',
  text: 'Tighten this sentence.',
};
const own: Note = {
  name: 'c5',
  author: 'Rosa Delgado',
  date: '2026-04-02T11:00:00',
  text: 'Please write my name as Rosa María Delgado.',
};
const r1 = reply(q1, 'c6', 'Rosa Delgado', '2026-04-02T09:00:00', 'Four weeks, full time.');
const r2 = reply(
  q2,
  'c7',
  'Rosa Delgado',
  '2026-04-02T09:30:00',
  'Two paracenteses and a lumbar puncture.',
  true,
);

function fodt(): string {
  const anchored = (n: Note, text: string) =>
    `${annotation(n)}${esc(text)}<office:annotation-end office:name="${n.name}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>Dear Program Director:</text:p>
<text:p>I ${anchored(q1, 'supervised Dr. Delgado for four weeks')}${annotation(r1)} on our teaching service.</text:p>
<text:p>She ${anchored(q2, 'performed several procedures')}${annotation(r2)} with skill.</text:p>
<text:p>Dr. Delgado is ${anchored(f1, 'hard-working')} and ${anchored(team, 'very good')}.</text:p>
<text:p>${annotation(own)}Sincerely,</text:p>
</office:text></office:body></office:document>
`;
}

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    errIsTTY: false,
    cwd,
    now: () => new Date('2026-04-03T12:00:00Z'),
  };
  return { io, out, err };
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cead-session-'));
  writeFileSync(join(dir, 'letter.fodt'), fodt());
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'docx',
      '--outdir',
      dir,
      join(dir, 'letter.fodt'),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}, 150_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cead session on a .docx written by LibreOffice', () => {
  it('groups comments and replies into threads with their state (--json)', async () => {
    const { io, out } = fakeIo(dir);
    expect(await sessionCommand.run(['letter.docx', '--team', 'Ben Reviewer', '--json'], io)).toBe(0);
    const report = JSON.parse(out.join(''));
    const summary = report.threads.map(
      (t: {
        marker?: { kind: string; index: number };
        origin: string;
        state: string;
        author: string;
        replies: unknown[];
      }) => [t.marker ? `${t.marker.kind}${t.marker.index}` : t.origin, t.author, t.state, t.replies.length],
    );
    expect(summary).toEqual([
      ['q1', 'Ana Writer', 'answered', 1],
      ['q2', 'Ana Writer', 'resolved', 1],
      ['f1', 'Ana Writer', 'open', 0],
      ['team', 'Ben Reviewer', 'open', 0],
      ['candidate', 'Rosa Delgado', 'answered', 0],
    ]);
    expect(report.threads[0]).toMatchObject({
      text: 'How many weeks did Dr. Chen supervise you?',
      quoted: 'supervised Dr. Delgado for four weeks',
      anchored: true,
      replies: [{ author: 'Rosa Delgado', text: 'Four weeks, full time.' }],
    });
    expect(report.threads[0].time).toMatch(/^2026-04-01T10:00:00/);
    expect(report.threads[3]).toMatchObject({ quoted: 'very good', text: 'Tighten this sentence.' });
    expect(report.sessions).toEqual([{ round: 1, total: 3, open: 1, answered: 1, resolved: 1, deferred: 0 }]);
  });

  it('prints a readable listing', async () => {
    const { io, out } = fakeIo(dir);
    expect(await sessionCommand.run(['letter.docx'], io)).toBe(0);
    const text = out.join('');
    expect(text).toContain('letter.docx: 5 comment threads');
    expect(text).toContain('Session 1: 3 threads — 1 open, 1 answered, 1 resolved');
    expect(text).toContain('[answered] s1-q1 open question (2026-04-01)');
    expect(text).toContain('↳ Rosa Delgado (2026-04-02): Four weeks, full time.');
    expect(text).toContain('Other comments');
    // Without --team, only the authors of CEAD's threads are known to be on the team.
    expect(text).toContain('[answered] comment by Ben Reviewer');
  });

  it('refuses a missing file and a file that is not a .docx, as usage errors', async () => {
    const { io } = fakeIo(dir);
    await expect(sessionCommand.run(['nope.docx'], io)).rejects.toEqual(
      new UsageError('nope.docx: no such file'),
    );
    await expect(sessionCommand.run(['letter.fodt'], io)).rejects.toEqual(
      new UsageError('letter.fodt: not a .docx file (it is not a zip archive)'),
    );
    await expect(sessionCommand.run([], io)).rejects.toBeInstanceOf(UsageError);
  });
});
