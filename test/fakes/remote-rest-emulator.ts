/**
 * The test's handle on the REST emulator running in a child process (google-rest-emulator-process.ts),
 * and the worker thread file the synchronous bridge needs, both built with esbuild into test-output/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Fault, SeenCall } from './google-rest-emulator';

// test/fakes here, build/cli in the benchmark's bundle: both two folders below the repository.
const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-output', 'google');

function build(entry: string, name: string): string {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, name);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** The bridge's worker (src/node/google/google-worker.ts), built once per test file. */
export function buildGoogleWorker(): string {
  return build(join(ROOT, 'src', 'node', 'google', 'google-worker.ts'), 'google-worker.js');
}

export interface RemoteRestEmulator {
  readonly baseUrl: string;
  control<T = unknown>(name: string, body?: Record<string, unknown>): Promise<T>;
  failNth(method: string, n: number, fault: Fault): Promise<void>;
  calls(): Promise<SeenCall[]>;
  close(): void;
}

export async function startRemoteRestEmulator(): Promise<RemoteRestEmulator> {
  const script = build(
    join(ROOT, 'test', 'fakes', 'google-rest-emulator-process.ts'),
    'rest-emulator-process.js',
  );
  const child: ChildProcess = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { baseUrl, controlUrl } = await new Promise<{ baseUrl: string; controlUrl: string }>(
    (resolve, reject) => {
      let out = '';
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the emulator process exited (${code})`)));
      child.stdout?.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))));
      });
    },
  );
  const control = async <T>(name: string, body: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${controlUrl}/${name}`, { method: 'POST', body: JSON.stringify(body) });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`emulator control ${name}: ${JSON.stringify(json)}`);
    return json;
  };
  return {
    baseUrl,
    control,
    failNth: async (method, n, fault) => void (await control('failNth', { method, n, fault })),
    calls: () => control<SeenCall[]>('calls'),
    close: () => {
      child.stdin?.end();
      child.kill();
    },
  };
}
