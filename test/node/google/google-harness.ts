/**
 * `cead google` under test: the command in the test's process with a virtual clock (its sleeps advance
 * time, nothing waits), Google's clients in one bridge worker shared by every run, and the REST emulator in
 * a child process, reset to an empty world by `fresh()`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswerRecord } from '../../../src/core/answers';
import { draftLetter } from '../../../src/core/letter-draft';
import { orderIdFor } from '../../../src/core/orders';
import { googleCommand } from '../../../src/node/commands/google';
import { type GoogleIds, readIds } from '../../../src/node/google/google-config';
import { GoogleTransport } from '../../../src/node/google/google-transport';
import { SyncBridge } from '../../../src/node/google/sync-bridge';
import type { Io } from '../../../src/node/io';
import { localClock } from '../../../src/node/local-clock';
import { rawFromExample } from '../../core/back-office-ports';
import type { SeenCall } from '../../fakes/google-rest-emulator';
import {
  buildGoogleWorker,
  type RemoteRestEmulator,
  startRemoteRestEmulator,
} from '../../fakes/remote-rest-emulator';

export const RAW = rawFromExample('rosa-delgado');
export const WRITES = /\.(create|update|batchUpdate|setPublishSettings)$/;

export interface Ran {
  readonly code: number;
  readonly json: Record<string, unknown> & { changes?: string[]; intake?: { action: string }[] };
  readonly calls: SeenCall[];
}

export class GoogleHarness {
  emulator!: RemoteRestEmulator;
  private bridge!: SyncBridge;
  private dir = '';
  private virtualNow = 0;
  readonly slept: number[] = [];
  /** The lease the next runs take (unset: the command's own). */
  leaseMs: number | undefined;
  /** Called after each wait of the virtual clock (a test looks at the world while a run is under way). */
  onSleep: (() => void) | undefined;

  async start(): Promise<void> {
    this.emulator = await startRemoteRestEmulator();
    this.bridge = new SyncBridge(buildGoogleWorker(), {
      rootUrl: this.emulator.baseUrl,
      auth: { kind: 'token', accessToken: 't' },
    });
  }

  stop(): void {
    this.bridge.close();
    this.emulator.close();
  }

  /** A fresh world: an empty emulator and an empty config folder. */
  async fresh(): Promise<void> {
    await this.emulator.control('reset');
    this.dir = mkdtempSync(join(tmpdir(), 'cead-google-'));
    this.virtualNow = Date.parse(await this.emulator.control<string>('now'));
    this.slept.length = 0;
    this.leaseMs = undefined;
    this.onSleep = undefined;
  }

  /** One `cead google …` run (always `--json`), with the emulator calls it made. */
  async cead(...args: string[]): Promise<Ran> {
    const before = (await this.emulator.calls()).length;
    const { code, out } = await this.run([...args, '--json'], false);
    let json = {};
    try {
      json = JSON.parse(out);
    } catch {
      throw new Error(`not JSON (exit ${code}): ${out}`);
    }
    return { code, json, calls: (await this.emulator.calls()).slice(before) };
  }

  /** Moves the runs' clock on (a week later, for the sweep to refresh every open order's days left). */
  advance(ms: number): void {
    this.virtualNow += ms;
  }

  /** One run as a person at a terminal sees it: no `--json`, stderr a terminal; what each stream got. */
  async onTerminal(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    return this.run(args, true);
  }

  private async run(args: string[], tty: boolean): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      out: (t) => out.push(t),
      err: (t) => (tty ? err : out).push(t),
      errIsTTY: tty,
      cwd: this.dir,
      now: () => new Date(this.virtualNow),
      env: {},
    };
    const command = googleCommand({
      port: this.bridge,
      clock: this.clock(),
      stateFile: join(this.dir, 'state.json'),
      holder: 'test-run',
      ...(this.leaseMs === undefined ? {} : { leaseMs: this.leaseMs }),
    });
    const config = ['--config', join(this.dir, 'google.json'), '--time-zone', 'America/New_York'];
    const code = await command.run([...args, ...config], io);
    return { code, out: out.join(''), err: err.join('') };
  }

  /** A transport on the shared worker whose waits advance the virtual clock. */
  transport(): GoogleTransport {
    return new GoogleTransport(this.bridge, { clock: this.clock() });
  }

  /** The virtual clock: now is the emulator's first instant plus every wait so far. */
  clock() {
    return {
      ...localClock(() => new Date(this.virtualNow)),
      sleep: (ms: number) => {
        this.slept.push(ms);
        this.virtualNow += ms;
        this.onSleep?.();
      },
    };
  }

  get configDir(): string {
    return this.dir;
  }

  ids(): GoogleIds {
    return readIds(join(this.dir, 'google.json')) as GoogleIds;
  }

  submit(raw = RAW): Promise<string> {
    return this.emulator.control<string>('submit', {
      formId: this.ids().formId,
      answers: raw,
      email: 'rosa@example.org',
    });
  }

  /** A tracker sheet's rows under its header, blank rows left out. */
  async rows(name: string): Promise<unknown[][]> {
    const rows = await this.emulator.control<unknown[][]>('sheet', {
      spreadsheetId: this.ids().spreadsheetId,
      name,
    });
    return rows.slice(1).filter((r) => r.some((c) => c !== ''));
  }

  async drafts(): Promise<{ id: string; appProperties: Record<string, string> }[]> {
    const files =
      await this.emulator.control<{ id: string; appProperties: Record<string, string>; trashed: boolean }[]>(
        'files',
      );
    return files.filter((f) => f.appProperties['ceadOrderId'] && !f.trashed);
  }

  docText(documentId: string): Promise<string> {
    return this.emulator.control<string>('docText', { documentId });
  }

  comments(fileId: string): Promise<unknown[]> {
    return this.emulator.control<unknown[]>('comments', { fileId });
  }
}

/** The letter intake writes for the example's response on the emulator's first day. */
export function expectedDraft(responseId: string) {
  const parsed = parseAnswerRecord(RAW);
  return draftLetter(parsed.answers, { orderId: orderIdFor(responseId), date: '2026-11-30' });
}
