/**
 * `cead draft` throughput and its growth: 1,000 and then 10,000 generated responses of the bundled
 * examples' size (about 2.7 KB a row) in one Forms-style CSV, each run through the built command
 * (build/cli/cead.js) in a child process on a fresh folder, so the figures include start-up, every file
 * written and the tracker. The names are those of the busy season that once made the cost grow with the
 * batch (issue 12): "Test0 Rahman", "Test1 Whitfield", … (every example's surname shared by a tenth of the
 * batch), every email distinct. Peak memory is the child's maximum resident set size
 * (`process.resourceUsage().maxRSS`, getrusage's ru_maxrss), which the child writes to a pipe as it exits.
 *
 * On a terminal the child's stderr is the terminal, so `cead draft` draws its progress bar (rate and time
 * left) while the bench waits; otherwise the bench stays quiet.
 *
 * Targets: 1,000 in under 60 s and 500 MB (issue 7); 10,000 in under 10 minutes and 1 GB, at a time per
 * response within 1.2× of the 1,000 run's (issue 12).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCsv } from '../src/core/csv';
import { ITEMS } from '../src/core/questionnaire';
import type { BenchRow } from './types';

export const SIZES = [1000, 10000] as const;
const TARGETS = {
  1000: { seconds: 60, mb: 500 },
  // 1 GB, read as 1,000 MB: a figure just under 1,024 MB would be "under 1 GB" only in binary units.
  10000: { seconds: 600, mb: 1000 },
} as const;
const GROWTH_TARGET = 1.2;

function examples(root: string): Record<string, unknown>[] {
  const dir = join(root, 'examples', 'answers');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
}

/**
 * `n` complete responses as Google Sheets exports them: Timestamp, Email Address, then one column per item
 * title. Each is a bundled example with the first name "Test<i>", its own email and submission time, so
 * every row is a distinct response, and each letter's surname is shared by a tenth of the other orders.
 */
export function generateResponsesCsv(root: string, n: number): string {
  const base = examples(root);
  const header = ['Timestamp', 'Email Address', ...ITEMS.map((i) => i.title)];
  const rows = Array.from({ length: n }, (_, i) => {
    const answers = base[i % base.length]!;
    const surname = String(answers['candidate.fullName']).split(' ').slice(1).join(' ');
    const email = `test${i}@example.com`;
    const minute = 9 * 60 + i;
    const time = `9/${1 + Math.floor(minute / 1440)}/2026 ${Math.floor((minute % 1440) / 60)}:${String(minute % 60).padStart(2, '0')}:00`;
    const value = (id: string): string => {
      if (id === 'candidate.fullName') return `Test${i} ${surname}`;
      if (id === 'candidate.email') return email;
      const v = answers[id];
      return v === undefined || v === null ? '' : String(v);
    };
    return [time, email, ...ITEMS.map((item) => value(item.id))];
  });
  return formatCsv([header, ...rows]);
}

function cliPath(): string {
  const beside = join(__dirname, 'cead.js');
  return existsSync(beside) ? beside : join(process.cwd(), 'build', 'cli', 'cead.js');
}

interface Run {
  readonly seconds: number;
  readonly maxRssKb: number;
  readonly exitCode: number | null;
  /** Orders with a letter.docx in the output folder. */
  readonly letters: number;
  readonly stderr: string;
}

function lettersIn(out: string): number {
  const dir = join(out, 'orders');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((id) => existsSync(join(dir, id, 'letter.docx'))).length;
}

function runDraft(cli: string, csv: string, out: string): Promise<Run> {
  // The child reports its peak memory on fd 3, so its stderr can be the terminal (for the progress bar).
  const script =
    "const fs=require('node:fs');" +
    "process.on('exit',()=>fs.writeSync(3,'cead-bench-maxrss-kb='+process.resourceUsage().maxRSS+'\\n'));" +
    `require(${JSON.stringify(cli)}).main(['draft',${JSON.stringify(csv)},'--out',${JSON.stringify(out)}])` +
    '.then((c)=>{process.exitCode=c;});';
  const tty = Boolean(process.stderr.isTTY);
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      stdio: ['ignore', 'ignore', tty ? 'inherit' : 'pipe', 'pipe'],
    });
    let stderr = '';
    let report = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const fd3 = child.stdio[3] as NodeJS.ReadableStream;
    fd3.setEncoding('utf8');
    fd3.on('data', (d: string) => {
      report += d;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /cead-bench-maxrss-kb=(\d+)/.exec(report);
      resolvePromise({
        seconds,
        maxRssKb: rss ? Number(rss[1]) : Number.NaN,
        exitCode,
        letters: lettersIn(out),
        stderr,
      });
    });
  });
}

async function measure(root: string, dir: string, n: number): Promise<Run> {
  const csv = join(dir, `responses-${n}.csv`);
  writeFileSync(csv, generateResponsesCsv(root, n));
  const out = join(dir, `out-${n}`);
  try {
    const run = await runDraft(cliPath(), csv, out);
    if (run.letters !== n) {
      process.stderr.write(
        `draft bench: ${run.letters} letters of ${n} (exit ${run.exitCode})\n${run.stderr.slice(0, 2000)}\n`,
      );
    }
    return run;
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(csv, { force: true });
  }
}

function rowsFor(n: (typeof SIZES)[number], run: Run): BenchRow[] {
  const target = TARGETS[n];
  const mb = run.maxRssKb / 1024;
  return [
    {
      figure: `cead draft, ${n} responses in one CSV: letters written`,
      value: run.letters,
      unit: 'letters',
      target: `= ${n}`,
      ok: run.letters === n,
    },
    {
      figure: `cead draft ${n}: total time`,
      value: run.seconds,
      unit: 's',
      target: `< ${target.seconds} s`,
      ok: run.seconds < target.seconds,
    },
    { figure: `cead draft ${n}: time per response`, value: (run.seconds * 1000) / n, unit: 'ms' },
    {
      figure: `cead draft ${n}: peak memory (max RSS)`,
      value: mb,
      unit: 'MB',
      target: n === 10000 ? `< ${target.mb} MB (1 GB)` : `< ${target.mb} MB`,
      ok: mb < target.mb,
    },
  ];
}

export async function rows(): Promise<BenchRow[]> {
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'cead-bench-draft-'));
  try {
    const runs = new Map<number, Run>();
    for (const n of SIZES) runs.set(n, await measure(root, dir, n));
    const perResponse = (n: number) => runs.get(n)!.seconds / n;
    const growth = perResponse(10000) / perResponse(1000);
    return [
      ...SIZES.flatMap((n) => rowsFor(n, runs.get(n)!)),
      {
        figure: 'cead draft: time per response, 10,000 / 1,000',
        value: growth,
        unit: '×',
        target: `≤ ${GROWTH_TARGET}`,
        ok: growth <= GROWTH_TARGET,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
