/**
 * `cead google setup|sync|sweep|check|pdf`: the back office from Node against the real Google APIs (the
 * same Form, tracker and Docs as the Apps Script deployment, through Google's own client libraries).
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandArgs } from '../args';
import type { AuthConfig, ClientConfig } from '../google/api-call';
import { defaultConfigFile, isComplete, readIds, writeIds } from '../google/google-config';
import { type GoogleEnvironment, openOffice, openTransport } from '../google/google-office';
import { type RunReport, runSweep, runSync } from '../google/google-runs';
import { runGoogleSetup } from '../google/google-setup';
import type { GoogleTransport } from '../google/google-transport';
import { login } from '../google/login';
import { configDir } from '../google/user-token';
import { type Command, EXIT, type Io, UsageError } from '../io';
import { localClock } from '../local-clock';
import { progressFor } from './draft';
import { runLetterCommand } from './google-letter';

const USAGE = `cead google <login|setup|sync|sweep|check ORDER|pdf ORDER> [--config FILE] [--key-file FILE]
       [--dry-run] [--json]

  login      signs in with your Google account in a browser (--client-secret FILE: the OAuth client of
             type "Desktop app" from your Cloud project); keeps the token in ~/.config/cead, owner-only
  setup      makes (or finds) the questionnaire Form, the orders folder, the tracker and the lock Doc,
             and records their ids in the config file; running it again changes nothing in place
  sync       takes in every response without a finished order, then runs the sweep
  sweep      the sweep: responses since the last one, due dates, reminders
  check ORDER  the letter check on the order's draft Doc (as cead check words it)
  pdf ORDER    the draft as a PDF for ERAS, into --out DIR (default .), refused while the check reports
             an error or over 1 MB; a Doc not on US Letter pages is set to it first

  --config FILE    the recorded ids (default ~/.config/cead/google.json)
  --client-secret FILE  login: the downloaded OAuth client JSON
  --key-file FILE  a service account key; otherwise the login token (~/.config/cead/google-token.json)
                   if there is one, else application default credentials
  --time-zone TZ   setup: the tracker's time zone (default this machine's)
  --out DIR        pdf: where the PDF goes (default the current folder)
  --dry-run        say what would change; write nothing
  --json           the report as JSON (docs/cli.md)

Exit status: 0 done, 1 problems (an intake failed, another run held the lock, the check found an error,
the PDF was refused), 2 unusable input (an unknown order, one with no draft).`;

const SUBCOMMANDS = ['login', 'setup', 'sync', 'sweep', 'check', 'pdf'] as const;
const WITH_ORDER: readonly Sub[] = ['check', 'pdf'];
type Sub = (typeof SUBCOMMANDS)[number];

function authFrom(
  keyFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): AuthConfig {
  if (keyFile) return { kind: 'keyFile', keyFile };
  const token = env['CEAD_GOOGLE_ACCESS_TOKEN'];
  if (token) return { kind: 'token', accessToken: token };
  const tokenFile = join(configDir(env as NodeJS.ProcessEnv), 'google-token.json');
  if (existsSync(tokenFile)) return { kind: 'user', tokenFile };
  return { kind: 'adc' };
}

/** The run's surroundings from the command line and the environment; tests pass their own parts. */
function environment(
  io: Io,
  keyFile: string | undefined,
  configFile: string,
  overrides: Partial<GoogleEnvironment>,
): GoogleEnvironment {
  const env = io.env ?? process.env;
  const rootUrl = env['CEAD_GOOGLE_ROOT_URL'];
  const client: ClientConfig = { auth: authFrom(keyFile, env), ...(rootUrl ? { rootUrl } : {}) };
  return {
    workerFile: join(__dirname, 'google-worker.js'),
    client,
    clock: localClock(io.now),
    stateFile: `${configFile.replace(/\.json$/, '')}-state.json`,
    holder: `${hostname().replace(/\s+/g, '-')}:${process.pid}`,
    ...overrides,
  };
}

function failed(report: RunReport): boolean {
  return !report.ran || report.problems.length > 0 || report.intake.some((o) => o.action === 'failed');
}

function summary(sub: Sub, report: RunReport): string {
  if (report.wouldTakeIn) return `Would take in ${report.wouldTakeIn.length} response(s).\n`;
  if (!report.ran) return `${report.problems.join('\n')}\n`;
  const all = report.intake;
  const by = (a: string) => all.filter((o) => o.action === a).length;
  const lines = [
    `${sub}: ${all.length} response(s) taken in (created ${by('created')}, resumed ${by('resumed')}, updated ${by('updated')}, failed ${by('failed')}).`,
    `Sweep: ${report.sweep?.responses ?? 0} listed, ${report.sweep?.refreshed ?? 0} refreshed, ${report.sweep?.reminders ?? 0} reminders.`,
    ...report.problems,
  ];
  return `${lines.join('\n')}\n`;
}

function runSetupCommand(
  t: GoogleTransport,
  configFile: string,
  timeZone: string,
  dryRun: boolean,
  io: Io,
  json: boolean,
): number {
  const report = runGoogleSetup({
    t,
    ids: readIds(configFile),
    record: (ids) => writeIds(configFile, ids),
    timeZone,
    dryRun,
  });
  if (!dryRun) writeIds(configFile, report.ids);
  if (json) io.out(`${JSON.stringify({ command: 'setup', dryRun, ...report, requests: t.requests() })}\n`);
  else io.out(report.changes.length === 0 ? 'Everything was in place.\n' : `${report.changes.join('\n')}\n`);
  return EXIT.ok;
}

async function loginCommand(clientFile: string | undefined, io: Io, json: boolean): Promise<number> {
  if (!clientFile)
    throw new UsageError('login needs --client-secret FILE (an OAuth client of type "Desktop app")');
  const tokenFile = join(configDir((io.env ?? process.env) as NodeJS.ProcessEnv), 'google-token.json');
  await login({
    clientFile,
    tokenFile,
    showUrl: (url) => io.err(`Open this link in a browser and allow CEAD:\n\n  ${url}\n\n`),
  });
  io.out(
    json
      ? `${JSON.stringify({ command: 'login', tokenFile })}\n`
      : `Signed in; the token is in ${tokenFile}.\n`,
  );
  return EXIT.ok;
}

export function googleCommand(overrides: Partial<GoogleEnvironment> = {}): Command {
  return {
    name: 'google',
    summary: 'the back office against the Google APIs: login, setup, sync, sweep, check, pdf',
    usage: USAGE,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(
        argv,
        {
          config: { type: 'string' },
          'key-file': { type: 'string' },
          'client-secret': { type: 'string' },
          'time-zone': { type: 'string' },
          out: { type: 'string' },
          'dry-run': { type: 'boolean' },
          json: { type: 'boolean' },
        },
        true,
      );
      const sub = positionals[0] as Sub | undefined;
      if (!sub || !SUBCOMMANDS.includes(sub))
        throw new UsageError(`expected one of ${SUBCOMMANDS.join(', ')}`);
      const orderId = positionals[1];
      if (positionals.length !== (WITH_ORDER.includes(sub) ? 2 : 1) || (orderId !== undefined && !orderId))
        throw new UsageError(
          WITH_ORDER.includes(sub) ? `${sub} takes one ORDER id` : `${sub} takes no ORDER`,
        );
      if (sub === 'login') return loginCommand(values['client-secret'], io, values.json === true);
      const configFile = values.config ?? defaultConfigFile((io.env ?? process.env) as NodeJS.ProcessEnv);
      const dryRun = values['dry-run'] === true;
      const json = values.json === true;
      const env = environment(io, values['key-file'], configFile, overrides);
      const ids = readIds(configFile);
      if (sub !== 'setup' && !isComplete(ids))
        throw new UsageError(`${configFile} has no ids: run cead google setup first`);
      const t = openTransport(env);
      try {
        if (sub === 'setup') {
          const tz = values['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
          return runSetupCommand(t, configFile, tz, dryRun, io, json);
        }
        if (!isComplete(ids)) throw new UsageError('not set up');
        const office = openOffice(env, ids, t);
        if (sub === 'check' || sub === 'pdf') {
          const outDir = resolve(io.cwd, values.out ?? '.');
          return runLetterCommand(sub, { office, t, orderId: orderId as string, json, dryRun, outDir }, io);
        }
        const bar = progressFor(io, json);
        let taking = 0;
        const progress = (done: number, total: number) => {
          taking = total;
          bar.update('taking in', done, total);
        };
        const report = (sub === 'sync' ? runSync : runSweep)(office, { dryRun, progress });
        // The run is told before each response, so the bar's last step (all done) is drawn here.
        if (taking > 0) bar.update('taking in', taking, taking);
        bar.finish();
        if (json) io.out(`${JSON.stringify({ command: sub, dryRun, ...report, requests: t.requests() })}\n`);
        else io.out(summary(sub, report));
        return failed(report) && !dryRun ? EXIT.problems : EXIT.ok;
      } finally {
        t.close();
      }
    },
  };
}
