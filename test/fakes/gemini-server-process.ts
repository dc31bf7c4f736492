/**
 * The loopback Gemini server (gemini-server.ts) in a process of its own, for fakes that must reach it
 * synchronously: UrlFetchApp and the Vertex AI advanced service block the test's own thread, so a server in
 * the test process could never answer them. A second loopback server lets the test script the answers and
 * read what was received. Prints one JSON line, `{ baseUrl, controlUrl }`, once both listen.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGeminiServer } from './gemini-server';

async function main(): Promise<void> {
  const gemini = await startGeminiServer();
  const control = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      const body = data === '' ? undefined : JSON.parse(data);
      if (req.url === '/script') gemini.script(...body);
      else if (req.url === '/fallback') gemini.fallback = body;
      else if (req.url === '/reset') gemini.requests.length = 0;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/requests' ? gemini.requests : { ok: true }));
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ baseUrl: gemini.baseUrl, controlUrl: `http://127.0.0.1:${port}` })}\n`,
  );
  // The parent's end is this process's end: it never outlives the test that started it.
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

void main();
