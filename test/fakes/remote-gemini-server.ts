/**
 * The test's handle on the Gemini server running in a child process (gemini-server-process.ts): the same
 * script, fallback and received requests as the in-process server, over its control port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Scripted, SeenRequest } from './gemini-server';

export interface RemoteGeminiServer {
  readonly baseUrl: string;
  script(...answers: Scripted[]): Promise<void>;
  setFallback(answer: Scripted): Promise<void>;
  requests(): Promise<SeenRequest[]>;
  reset(): Promise<void>;
  close(): void;
}

const OUT = join(__dirname, '..', '..', 'test-output', 'gemini-server-process.js');

export async function startRemoteGeminiServer(): Promise<RemoteGeminiServer> {
  mkdirSync(join(OUT, '..'), { recursive: true });
  buildSync({
    entryPoints: [join(__dirname, 'gemini-server-process.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: OUT,
    logLevel: 'silent',
  });
  const child: ChildProcess = spawn(process.execPath, [OUT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { baseUrl, controlUrl } = await new Promise<{ baseUrl: string; controlUrl: string }>(
    (resolve, reject) => {
      let out = '';
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the Gemini server process exited (${code})`)));
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))));
      });
    },
  );
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(`${controlUrl}${path}`, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return res.json();
  };
  return {
    baseUrl,
    script: async (...answers) => void (await post('/script', answers)),
    setFallback: async (answer) => void (await post('/fallback', answer)),
    requests: async () => (await post('/requests')) as SeenRequest[],
    reset: async () => void (await post('/reset')),
    close: () => {
      child.stdin!.end();
      child.kill();
    },
  };
}
