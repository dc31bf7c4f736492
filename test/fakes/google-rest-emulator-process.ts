/**
 * The REST emulator (google-rest-emulator.ts) in a process of its own: `cead google` calls Google's clients
 * through a synchronous bridge that blocks its thread while it waits, so a server in the test's process
 * could never answer. A second loopback port lets the test fail calls, read the counts and act as the
 * people outside CEAD (a candidate submitting, a writer typing). Prints `{ baseUrl, controlUrl }` once both
 * listen, and ends with its parent's stdin.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RestEmulator, startRestEmulator } from './google-rest-emulator';

type Json = Record<string, unknown>;

function control(e: RestEmulator): Record<string, (body: Json) => unknown> {
  const s = e.services;
  return {
    failNth: (b) => e.failNth(String(b['method']), Number(b['n']), b['fault'] as never),
    calls: () => e.calls,
    methods: () => e.methods,
    now: () => s.world.clock.now().toISOString(),
    advance: (b) => s.world.clock.advance(Number(b['ms'])),
    submit: (b) => s.forms.submit(String(b['formId']), b['answers'] as never, String(b['email'] ?? '')),
    edit: (b) => s.forms.edit(String(b['formId']), String(b['responseId']), b['answers'] as never),
    titles: (b) => s.forms.titles(String(b['formId'])),
    docText: (b) => s.docs.textOf(String(b['documentId'])),
    userEdit: (b) =>
      s.docs.userEdit(String(b['documentId']), Number(b['index']), String(b['text']), String(b['user'])),
    comments: (b) => s.drive.liveComments(String(b['fileId'])),
    files: () => [...s.world.files.values()],
    sheet: (b) => {
      const ss = s.app.spreadsheets.get(String(b['spreadsheetId']));
      const sheet = ss?.peekSheet(String(b['name']));
      return sheet ? sheet.getDataRange().getValues() : null;
    },
    sheetNames: (b) => s.app.spreadsheets.get(String(b['spreadsheetId']))?.sheetNames() ?? null,
  };
}

async function main(): Promise<void> {
  const emulator = await startRestEmulator();
  const handlers = control(emulator);
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      const handler = handlers[(req.url ?? '/').slice(1)];
      let status = 200;
      let out: unknown;
      try {
        if (!handler) throw new Error(`no control ${req.url}`);
        out = handler(data === '' ? {} : JSON.parse(data)) ?? null;
      } catch (err) {
        status = 500;
        out = { error: String((err as Error).message ?? err) };
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ baseUrl: emulator.baseUrl, controlUrl: `http://127.0.0.1:${port}` })}\n`,
  );
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

void main();
