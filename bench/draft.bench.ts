/**
 * `cead draft` throughput: 1,000 generated responses in one Forms-style CSV, run through the built command
 * (build/cli/cead.js) in a child process, so the figures include start-up, every file written and the
 * tracker. Peak memory is the child's maximum resident set size (`process.resourceUsage().maxRSS`, which is
 * getrusage's ru_maxrss on every platform), reported by the child as it exits.
 *
 * Targets (issue 7): under 60 s and under 500 MB on the 2-core machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCsv } from '../src/core/csv';
import { ITEMS } from '../src/core/questionnaire';
import type { BenchRow } from './types';

export const RESPONSES = 1000;
const TARGET_SECONDS = 60;
const TARGET_MB = 500;

const FIRST = [
  'Amara',
  'Bennett',
  'Chiara',
  'Dmitri',
  'Esi',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Joaquin',
  'Kalani',
  'Lior',
  'Mireille',
  'Nnamdi',
  'Oona',
  'Pavel',
  'Quinn',
  'Rania',
  'Soren',
  'Talia',
  'Uriel',
  'Vesna',
  'Wendell',
  'Ximena',
  'Yusuf',
];
const LAST = [
  'Abernathy',
  'Bjornstad',
  'Castellano',
  'Drummond',
  'Eklund',
  'Fairbanks',
  'Galloway',
  'Halvorsen',
  'Ibarra',
  'Jorgensen',
  'Kowalski',
  'Lindgren',
  'Marchetti',
  'Nakashima',
  'Okonjo',
  'Prentiss',
  'Quintero',
  'Rasmussen',
  'Sandoval',
  'Thorne',
  'Underwood',
  'Valcourt',
  'Whitlock',
  'Yamaguchi',
  'Zeller',
  'Ashby',
  'Brennan',
  'Corbett',
  'Delacroix',
  'Ellery',
  'Fenwick',
  'Goldberg',
  'Hartigan',
  'Ivers',
  'Jessup',
  'Kincaid',
  'Lachance',
  'Mayfield',
  'Northcott',
  'Ostrowski',
];

function examples(root: string): Record<string, unknown>[] {
  const dir = join(root, 'examples', 'answers');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
}

/**
 * `n` complete responses as Google Sheets exports them: Timestamp, Email Address, then one column per item
 * title. Each is a bundled example with an invented name, email and submission time, so every row is a
 * distinct response and the name check has a thousand other candidates to compare.
 */
export function generateResponsesCsv(root: string, n: number): string {
  const base = examples(root);
  const header = ['Timestamp', 'Email Address', ...ITEMS.map((i) => i.title)];
  const rows = Array.from({ length: n }, (_, i) => {
    const answers = base[i % base.length]!;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const email = `${first}.${last}.${i}@example.com`.toLowerCase();
    const minute = 9 * 60 + i;
    const time = `9/${1 + Math.floor(minute / 1440)}/2026 ${Math.floor((minute % 1440) / 60)}:${String(minute % 60).padStart(2, '0')}:00`;
    const value = (id: string): string => {
      if (id === 'candidate.fullName') return `${first} ${last}`;
      if (id === 'candidate.preferredName') return `Dr. ${last}`;
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
  readonly orders: { status: string; files: string[] }[];
  readonly stderr: string;
}

function runDraft(cli: string, csv: string, out: string): Promise<Run> {
  const script =
    "const fs=require('node:fs');" +
    "process.on('exit',()=>fs.writeSync(2,'\\ncead-bench-maxrss-kb='+process.resourceUsage().maxRSS+'\\n'));" +
    `require(${JSON.stringify(cli)}).main(['draft',${JSON.stringify(csv)},'--out',${JSON.stringify(out)},'--json'])` +
    '.then((c)=>{process.exitCode=c;});';
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /cead-bench-maxrss-kb=(\d+)/.exec(stderr);
      let orders: Run['orders'] = [];
      try {
        orders = JSON.parse(stdout) as Run['orders'];
      } catch {
        // Reported below as 0 letters: the run's stderr says why.
      }
      resolvePromise({ seconds, maxRssKb: rss ? Number(rss[1]) : Number.NaN, exitCode, orders, stderr });
    });
  });
}

export async function rows(): Promise<BenchRow[]> {
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'cead-bench-draft-'));
  try {
    const csv = join(dir, 'responses.csv');
    writeFileSync(csv, generateResponsesCsv(root, RESPONSES));
    const run = await runDraft(cliPath(), csv, join(dir, 'out'));
    const letters = run.orders.filter((o) => o.files.some((f) => f.endsWith('letter.docx'))).length;
    if (letters !== RESPONSES) {
      process.stderr.write(
        `draft bench: ${letters} letters of ${RESPONSES} (exit ${run.exitCode})\n${run.stderr.slice(0, 2000)}\n`,
      );
    }
    const mb = run.maxRssKb / 1024;
    return [
      {
        figure: `cead draft, ${RESPONSES} responses in one CSV: letters written`,
        value: letters,
        unit: 'letters',
        target: `= ${RESPONSES}`,
        ok: letters === RESPONSES,
      },
      {
        figure: 'cead draft: total time',
        value: run.seconds,
        unit: 's',
        target: `< ${TARGET_SECONDS} s`,
        ok: run.seconds < TARGET_SECONDS,
      },
      { figure: 'cead draft: throughput', value: letters / run.seconds, unit: 'letters/s' },
      {
        figure: 'cead draft: peak memory (max RSS)',
        value: mb,
        unit: 'MB',
        target: `< ${TARGET_MB} MB`,
        ok: mb < TARGET_MB,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
