/**
 * Bad input and damaged files, through the built command (bin/cead.js in a child process): each case checks
 * the exit status, the one line on stderr, that nothing already in the folder changed (or, for a damaged
 * file in the folder, that the damaged file and every other order's files are kept as they were), and that a
 * run with good input then succeeds.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { formatCsv } from '../../src/core/csv';
import { ITEMS } from '../../src/core/questionnaire';
import { ORDER_HEADERS } from '../../src/core/tracker-row';
import { DOCX_LIMITS } from '../../src/node/archive-limits';
import { responseFileName } from '../../src/node/folder-store';
import { readTracker, SHEETS } from '../../src/node/tracker-xlsx';
import { builtCommand, changedFiles, fingerprint } from './built-command';

function example(name: string): Record<string, string> {
  const byId = JSON.parse(readFileSync(join(__dirname, '../../examples/answers', `${name}.json`), 'utf8'));
  return Object.fromEntries(Object.entries(byId).map(([k, v]) => [k, String(v)]));
}

function exportCsv(rows: { time: string; answers: Record<string, string> }[]): string {
  return formatCsv([
    ['Timestamp', 'Email Address', ...ITEMS.map((i) => i.title)],
    ...rows.map((r) => [
      r.time,
      r.answers['candidate.email'] ?? '',
      ...ITEMS.map((i) => r.answers[i.id] ?? ''),
    ]),
  ]);
}

const GOOD = exportCsv([
  { time: '9/8/2026 10:00:00', answers: example('rosa-delgado') },
  { time: '9/8/2026 11:00:00', answers: example('daniel-whitfield') },
]);
const LATER = exportCsv([{ time: '9/9/2026 10:00:00', answers: example('aisha-rahman') }]);

/** A .docx-shaped zip whose word/document.xml inflates to `mb` MB (written by streaming, a few hundred KB). */
async function zipBomb(mb: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < mb; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE((mb * chunk.length) >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE((mb * chunk.length) >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

let work: string;
let good: string;
let cead: ReturnType<typeof builtCommand>;
let bomb: Buffer;
let orderIds: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cead-damaged-'));
  cead = builtCommand('damaged-files');
  writeFileSync(join(work, 'good.csv'), GOOD);
  writeFileSync(join(work, 'later.csv'), LATER);
  good = join(work, 'good');
  const first = cead.run(['draft', 'good.csv', '--out', 'good'], work);
  expect(first.stderr).toBe('');
  orderIds = readdirSync(join(good, 'orders')).sort();
  expect(orderIds).toHaveLength(2);
  bomb = await zipBomb(400);
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  cead.remove();
});

/** A copy of the drafted folder for one case. */
function folder(name: string): string {
  const dir = join(work, name);
  cpSync(good, dir, { recursive: true });
  return dir;
}

function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('unusable input', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.csv', '', /^cead draft: empty\.csv: /],
    ['zeros.csv', Buffer.from([0x54, 0, 0, 0x41, 0x42, 0, 0x43, 0x44, 0x45]), /holds zero bytes/],
    ['deep.json', `${'['.repeat(100000)}${']'.repeat(100000)}`, /nested more than 64 levels deep/],
    [
      'deep-object.json',
      `{"candidate.fullName":${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}}`,
      /nested more than 64 levels deep/,
    ],
    ['number.json', '42', /^cead draft: number\.json: /],
    ['broken.json', '{"candidate.fullName": "Ann', /not readable JSON/],
    ['quotes.csv', 'Timestamp,Full name\n9/8/2026,"Ann Lee\n', /^cead draft: quotes\.csv: /],
    ['other.csv', 'a,b\n1,2\n', /No column of the file is a questionnaire item/],
  ];
  it.each(cases)(
    '%s: exit 2, one line, the folder unchanged, and good input then works',
    (file, body, message) => {
      const dir = folder(`input-${file}`);
      writeFileSync(join(work, file), body);
      const before = fingerprint(dir);
      const run = cead.run(['draft', file, '--out', dir], work);
      expect(run.status).toBe(2);
      const line = oneLine(run.stderr);
      expect(line).toMatch(message);
      expect(line).not.toMatch(/unexpected error|Maximum call stack/);
      expect(fingerprint(dir)).toEqual(before);
      const again = cead.run(['draft', 'later.csv', '--out', dir], work);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      expect(readdirSync(join(dir, 'orders'))).toHaveLength(3);
    },
  );
});

describe('UTF-16 input', () => {
  const utf8 = 'Timestamp,Email Address,Full name\r\n9/8/2026 10:00:00,a@example.com,"Ann, Lee"\r\n';
  const tabs = 'Timestamp\tEmail Address\tFull name\r\n9/8/2026 10:00:00\ta@example.com\t"Ann, Lee"\r\n';
  const encodings: [string, Buffer][] = [
    [
      'UTF-16LE with a byte-order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]),
    ],
    [
      'UTF-16BE with a byte-order mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8, 'utf16le').swap16()]),
    ],
    ['UTF-16LE without one', Buffer.from(utf8, 'utf16le')],
    [
      'Excel "Unicode text" (UTF-16LE, tabs)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]),
    ],
  ];
  it.each(encodings)('%s is read as the same responses as UTF-8', (_name, bytes) => {
    writeFileSync(join(work, 'utf8.csv'), utf8);
    writeFileSync(join(work, 'utf16.csv'), bytes);
    const a = cead.run(['draft', 'utf8.csv', '--out', 'u8', '--json'], work);
    const b = cead.run(['draft', 'utf16.csv', '--out', 'u16', '--json'], work);
    rmSync(join(work, 'u8'), { recursive: true });
    rmSync(join(work, 'u16'), { recursive: true });
    expect(b.status).toBe(a.status);
    const view = (out: string) =>
      (JSON.parse(out) as { orderId: string; candidate: string; problems: string[] }[]).map((r) => [
        r.orderId,
        r.candidate,
        r.problems.length,
      ]);
    expect(view(b.stdout)).toEqual(view(a.stdout));
    expect(view(b.stdout)[0]![1]).toBe('Ann, Lee');
  });
});

describe('a damaged letter.docx in one order', () => {
  const damages: [string, (bytes: Buffer) => Buffer][] = [
    ['truncated', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['replaced by a compression bomb', () => bomb],
    ['empty', () => Buffer.alloc(0)],
  ];
  it.each(damages)(
    '%s: that order is reported and kept, the others go on, and a restored file is read again',
    (name, damage) => {
      const dir = folder(`letter-${name.split(' ')[0]}`);
      const letter = join(dir, 'orders', orderIds[0]!, 'letter.docx');
      const original = readFileSync(letter);
      writeFileSync(letter, damage(original));
      const before = fingerprint(dir);
      const run = cead.run(['draft', 'later.csv', '--out', dir], work);
      expect(run.status).toBe(1);
      expect(oneLine(run.stderr)).toMatch(
        new RegExp(
          `^cead draft: ${orderIds[0]}: letter\\.docx cannot be read \\(not a readable \\.docx \\(.+\\)\\); it was left as it is`,
        ),
      );
      // The damaged letter and the other order's files are as they were; the new response was drafted.
      const after = fingerprint(dir);
      const kept = [...before.keys()].filter((p) => p.includes(orderIds[0]!) || p.includes(orderIds[1]!));
      expect(changedFiles(new Map(kept.map((p) => [p, before.get(p)!])), after)).toEqual([]);
      expect(readdirSync(join(dir, 'orders'))).toHaveLength(3);
      writeFileSync(letter, original);
      const again = cead.run(['draft', 'later.csv', '--out', dir], work);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
    },
  );

  it('cead check on a compression bomb or a truncated file: exit 2 and one line', () => {
    writeFileSync(join(work, 'bomb.docx'), bomb);
    writeFileSync(
      join(work, 'cut.docx'),
      readFileSync(join(good, 'orders', orderIds[0]!, 'letter.docx')).subarray(0, 500),
    );
    writeFileSync(join(work, 'answers.json'), JSON.stringify(example('rosa-delgado')));
    const big = cead.run(['check', 'bomb.docx', '--answers', 'answers.json'], work);
    expect(big.status).toBe(2);
    expect(oneLine(big.stderr)).toMatch(
      new RegExp(
        `bomb\\.docx: not a readable \\.docx \\(it inflates to more than ${DOCX_LIMITS.totalBytes / 1024 / 1024} MB|more than ${DOCX_LIMITS.xmlBytes / 1024 / 1024} MB of XML`,
      ),
    );
    const cut = cead.run(['check', 'cut.docx', '--answers', 'answers.json'], work);
    expect(cut.status).toBe(2);
    expect(oneLine(cut.stderr)).toMatch(
      /cut\.docx: not a readable \.docx \(it is not a complete zip archive: truncated\)/,
    );
  });
});

describe('a damaged responses/<id>.json, document.json or sharing.json in one order', () => {
  type Which = 'response' | 'document' | 'sharing';
  /** The file of order `orderIds[0]`, relative to the folder. */
  const fileOf = (dir: string, which: Which): string => {
    if (which === 'document') return join('orders', orderIds[0]!, 'document.json');
    if (which === 'sharing') return join('orders', orderIds[0]!, 'sharing.json');
    const order = JSON.parse(readFileSync(join(dir, 'orders', orderIds[0]!, 'order.json'), 'utf8'));
    return join('responses', responseFileName(order.responseId));
  };
  const otherResponse = (dir: string): Buffer => {
    const order = JSON.parse(readFileSync(join(dir, 'orders', orderIds[1]!, 'order.json'), 'utf8'));
    return readFileSync(join(dir, 'responses', responseFileName(order.responseId)));
  };
  // sharing.json exists only once a letter is shared; a damaged one stands in for a file a sync tool broke.
  const SHARES = Buffer.from(
    '[\n  {\n    "email": "avery.quinn@example.org",\n    "role": "writer"\n  }\n]\n',
  );
  const damages: [Which, string, (bytes: Buffer, dir: string) => Buffer, string][] = [
    ['response', 'truncated', (b) => b.subarray(0, Math.floor(b.length / 2)), 'not readable JSON'],
    ['response', 'not JSON', () => Buffer.from('\u0000\u0001 not JSON'), 'not readable JSON'],
    ['response', 'an array', () => Buffer.from('[]\n'), 'not a response record'],
    ['response', 'another response', (_b, dir) => otherResponse(dir), 'it holds another response'],
    ['document', 'truncated', (b) => b.subarray(0, Math.floor(b.length / 2)), 'not readable JSON'],
    ['document', 'not JSON', () => Buffer.from('<html>'), 'not readable JSON'],
    ['document', 'an array', () => Buffer.from('[{"id": 1}]\n'), 'not a document record'],
    ['sharing', 'truncated', () => SHARES.subarray(0, 20), 'not readable JSON'],
    ['sharing', 'not JSON', () => Buffer.from('avery.quinn@example.org'), 'not readable JSON'],
    [
      'sharing',
      'an object',
      () => Buffer.from('{"email": "a@b.c", "role": "writer"}'),
      'not a list of shares',
    ],
  ];
  it.each(damages)(
    '%s, %s: that order is reported in one line and kept, the others go on, and a restored file is read again',
    (which, how, damage, why) => {
      const dir = folder(`json-${which}-${how.replace(/ /g, '-')}`);
      const file = fileOf(dir, which);
      const path = join(dir, file);
      const existed = existsSync(path);
      const original = existed ? readFileSync(path) : SHARES;
      writeFileSync(path, damage(original, dir));
      const before = fingerprint(dir);
      const run = cead.run(['draft', 'later.csv', '--out', dir], work);
      expect(run.status).toBe(1);
      const shown = file.startsWith('responses') ? file.replace(/\\/g, '/') : file.split(/[\\/]/).pop()!;
      expect(oneLine(run.stderr)).toBe(
        `cead draft: ${orderIds[0]}: ${shown} cannot be read (${why}); it was left as it is, for this order to be seen to.`,
      );
      // Every file already there is as it was, but for the three the run rewrites for the new order.
      const written = new Set(['tracker.xlsx', 'tracker-baseline.json', 'log.jsonl']);
      const kept = new Map([...before].filter(([p]) => !written.has(p)));
      expect(changedFiles(kept, fingerprint(dir))).toEqual([]);
      const ids = readdirSync(join(dir, 'orders'));
      expect(ids).toHaveLength(3);
      const added = ids.find((id) => !orderIds.includes(id))!;
      expect(existsSync(join(dir, 'orders', added, 'letter.docx'))).toBe(true);
      if (existed) writeFileSync(path, original);
      else rmSync(path);
      const again = cead.run(['draft', 'later.csv', '--out', dir], work);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
    },
  );
});

describe('a manager’s edit to an order whose document.json is damaged', () => {
  it('stays in the tracker while the file is damaged, and is taken once it is restored', async () => {
    const dir = folder('json-edit-kept');
    const tracker = join(dir, 'tracker.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(tracker);
    const sheet = workbook.getWorksheet(SHEETS.orders)!;
    const col = (header: string) => ORDER_HEADERS.indexOf(header) + 1;
    let edited = 0;
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('Order ID')).value === orderIds[0]) {
        row.getCell(col('Status')).value = 'ON_HOLD';
        edited += 1;
      }
    });
    expect(edited).toBe(1);
    await workbook.xlsx.writeFile(tracker);
    const document = join(dir, 'orders', orderIds[0]!, 'document.json');
    const original = readFileSync(document);
    writeFileSync(document, original.subarray(0, 10));
    const orderFile = join(dir, 'orders', orderIds[0]!, 'order.json');
    const recorded = readFileSync(orderFile, 'utf8');

    const run = cead.run(['draft', 'later.csv', '--out', dir], work);
    expect(run.status).toBe(1);
    expect(readFileSync(orderFile, 'utf8')).toBe(recorded);
    expect((await readTracker(tracker))?.orders.get(orderIds[0]!)?.status).toBe('ON_HOLD');

    writeFileSync(document, original);
    const again = cead.run(['draft', 'later.csv', '--out', dir], work);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(JSON.parse(readFileSync(orderFile, 'utf8')).status).toBe('ON_HOLD');
  });
});

describe('a damaged tracker.xlsx', () => {
  it.each([
    ['a compression bomb', () => bomb],
    ['truncated', (b: Buffer) => b.subarray(0, 1000)],
  ])('%s stops the run before anything changes, in one line; the restored file works', (_name, damage) => {
    const dir = folder(`tracker-${_name.split(' ')[0]}`);
    const tracker = join(dir, 'tracker.xlsx');
    const original = readFileSync(tracker);
    writeFileSync(tracker, damage(original));
    const before = fingerprint(dir);
    const run = cead.run(['draft', 'later.csv', '--out', dir], work);
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /tracker\.xlsx cannot be read as a spreadsheet \(.+\); it was left as it is/,
    );
    expect(fingerprint(dir)).toEqual(before);
    writeFileSync(tracker, original);
    expect(cead.run(['draft', 'later.csv', '--out', dir], work).status).toBe(0);
  });
});

describe('.cead.lock', () => {
  it('left by a run that is gone is taken over, and the run says so', () => {
    const dir = folder('lock-stale');
    // A pid that is certainly gone: a child that has exited.
    const pid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
    writeFileSync(
      join(dir, '.cead.lock'),
      `${JSON.stringify({ pid, started: new Date(Date.now() - 60000).toISOString(), host: require('node:os').hostname() })}\n`,
    );
    const run = cead.run(['draft', 'later.csv', '--out', dir], work);
    expect(run.status).toBe(0);
    expect(oneLine(run.stderr)).toMatch(
      new RegExp(
        `^cead draft: \\.cead\\.lock was left by cead run ${pid} started .+, which is no longer running; this run took it over\\.$`,
      ),
    );
    expect(readdirSync(dir)).not.toContain('.cead.lock');
  });

  it('held by a live process is respected: exit 2, one line, nothing changed', () => {
    const dir = folder('lock-live');
    // This test's own process is alive; its start time is in /proc.
    const started = new Date(performance.timeOrigin).toISOString();
    writeFileSync(
      join(dir, '.cead.lock'),
      `${JSON.stringify({ pid: process.pid, started, host: require('node:os').hostname() })}\n`,
    );
    const before = fingerprint(dir);
    const run = cead.run(['draft', 'later.csv', '--out', dir], work);
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/is in use by another cead run \(lock file \.cead\.lock\)/);
    expect(fingerprint(dir)).toEqual(before);
  });
});
