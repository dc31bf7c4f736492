/**
 * Soak: `cead draft` over a few hundred responses, killed with SIGKILL at random moments and run again,
 * repeatedly, then once to the end. Whatever the moment of each kill, the folder must end with every
 * response kept verbatim, exactly one order per response, a tracker that reads, no half-written file (no
 * leftover temporary, every JSON record parses, every letter opens) and no lock left behind.
 *
 * Bounded: at most KILLS kills or BUDGET_MS of killing, whichever comes first. The seed is printed, so a
 * failure can be replayed with CEAD_SOAK_SEED.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateResponsesCsv } from '../../bench/draft.bench';
import { parseResponsesCsv } from '../../src/core/answers';
import { readLetter } from '../../src/node/letter-readers';
import { readTracker } from '../../src/node/tracker-xlsx';
import { builtCommand } from './built-command';

const RESPONSES = 200;
const KILLS = 8;
const BUDGET_MS = 120_000;

/** A small seeded generator (mulberry32), so a run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let work: string;
let cead: ReturnType<typeof builtCommand>;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cead-soak-'));
  cead = builtCommand('soak');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  cead.remove();
});

/** Runs `cead draft` and kills it after `ms` (if it is still running); resolves with how it ended. */
function runAndKill(ms: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cead.bin, 'draft', 'responses.csv', '--out', 'team'], {
      cwd: work,
      stdio: 'ignore',
    });
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, ms);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ killed, code });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('soak: SIGKILL at random moments', () => {
  it('leaves a folder the next run completes: every response once, verbatim, nothing half-written', async () => {
    const seed = Number(process.env['CEAD_SOAK_SEED'] ?? Date.now() % 100000);
    const next = random(seed);
    const csv = generateResponsesCsv(join(__dirname, '../..'), RESPONSES);
    writeFileSync(join(work, 'responses.csv'), csv);

    // A first, whole run tells how long one takes here; kills land anywhere within that time.
    const started = Date.now();
    const whole = await runAndKill(10 * 60_000);
    expect(whole.code).toBe(0);
    const runMs = Date.now() - started;
    rmSync(join(work, 'team'), { recursive: true });

    let kills = 0;
    const soakStart = Date.now();
    while (kills < KILLS && Date.now() - soakStart < BUDGET_MS) {
      const ended = await runAndKill(200 + next() * runMs);
      if (ended.killed) kills += 1;
      else expect(ended.code).toBe(0); // a run that finished before its kill finished cleanly
    }
    const last = cead.run(['draft', 'responses.csv', '--out', 'team', '--json'], work);
    console.log(`soak (seed ${seed}): survived ${kills} SIGKILLs of ${RESPONSES} responses`);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(last.status).toBe(0);
    // Only a lock taken over from the killed run may be noted; never an unexpected error or an edit.
    for (const line of last.stderr.split('\n').filter(Boolean))
      expect(line).toMatch(/^cead draft: \.cead\.lock was left by cead run \d+ .*which is no longer running/);

    const team = join(work, 'team');
    const parsed = parseResponsesCsv(csv).responses;
    const stored = readdirSync(join(team, 'responses')).map(
      (f) =>
        JSON.parse(readFileSync(join(team, 'responses', f), 'utf8')) as {
          responseId: string;
          versions: { raw: Record<string, string> }[];
        },
    );
    expect(stored).toHaveLength(RESPONSES);
    const byId = new Map(stored.map((s) => [s.responseId, s]));
    for (const r of parsed) {
      const file = byId.get(r.responseId);
      expect(file?.versions).toHaveLength(1);
      expect(file?.versions[0]?.raw).toEqual(r.raw);
    }

    const orders = readdirSync(join(team, 'orders')).map(
      (id) =>
        JSON.parse(readFileSync(join(team, 'orders', id, 'order.json'), 'utf8')) as { responseId: string },
    );
    expect(orders).toHaveLength(RESPONSES);
    expect(new Set(orders.map((o) => o.responseId))).toEqual(new Set(parsed.map((r) => r.responseId)));
    expect((await readTracker(join(team, 'tracker.xlsx')))?.orders.size).toBe(RESPONSES);

    const files = filesUnder(team);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of files.filter((p) => p.endsWith('.json')))
      expect(() => JSON.parse(readFileSync(f, 'utf8'))).not.toThrow();
    for (const line of readFileSync(join(team, 'log.jsonl'), 'utf8').split('\n').filter(Boolean))
      expect(() => JSON.parse(line)).not.toThrow();
    const letters = files.filter((f) => f.endsWith('.docx'));
    expect(letters).toHaveLength(2 * RESPONSES);
    for (const f of letters) expect((await readLetter(f)).text.length).toBeGreaterThan(500);
    expect(existsSync(join(team, '.cead.lock'))).toBe(false);
  }, 600_000);
});
