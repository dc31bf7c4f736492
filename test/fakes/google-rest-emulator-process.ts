/**
 * The REST emulator (google-rest-emulator.ts) in a process of its own: `cead google` calls Google's clients
 * through a synchronous bridge that blocks its thread while it waits, so a server in the test's process
 * could never answer. A second loopback port lets the test fail calls, read the counts and act as the
 * people outside CEAD (a candidate submitting, a writer typing). Prints `{ baseUrl, controlUrl }` once both
 * listen, and ends with its parent's stdin.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { letterDrafter } from '../../src/core/letter-draft';
import { ORDER_HEADERS, orderToRow } from '../../src/core/tracker-row';
import { handleFormSubmit } from '../../src/gas/back-office';
import { PROPERTY } from '../../src/gas/setup';
import { ROOM_ROWS } from '../../src/gas/tracker-sheet';
import { type RestEmulator, startRestEmulator } from './google-rest-emulator';
import { createGasFakes, installGasFakes } from './install-gas-fakes';
import { seededOrder } from './seeded-orders';

type Json = Record<string, unknown>;

function control(e: RestEmulator): Record<string, (body: Json) => unknown> {
  const handlers: Record<string, (s: RestEmulator['services'], body: Json) => unknown> = {
    reset: () => e.reset(),
    failNth: (_s, b) => e.failNth(String(b['method']), Number(b['n']), b['fault'] as never),
    calls: () => e.calls,
    methods: () => e.methods,
    now: (s) => s.world.clock.now().toISOString(),
    advance: (s, b) => s.world.clock.advance(Number(b['ms'])),
    submit: (s, b) => s.forms.submit(String(b['formId']), b['answers'] as never, String(b['email'] ?? '')),
    edit: (s, b) => s.forms.edit(String(b['formId']), String(b['responseId']), b['answers'] as never),
    titles: (s, b) => s.forms.titles(String(b['formId'])),
    docText: (s, b) => s.docs.textOf(String(b['documentId'])),
    userEdit: (s, b) =>
      s.docs.userEdit(String(b['documentId']), Number(b['index']), String(b['text']), String(b['user'])),
    comments: (s, b) => s.drive.liveComments(String(b['fileId'])),
    files: (s) => [...s.world.files.values()],
    sheet: (s, b) => {
      const ss = s.app.spreadsheets.get(String(b['spreadsheetId']));
      const sheet = ss?.peekSheet(String(b['name']));
      return sheet ? sheet.getDataRange().getValues() : null;
    },
    imageBytes: (s, b) => void s.imageBytes.set(String(b['documentId']), Number(b['bytes'])),
    gasIntake: (s, b) => gasIntake(s, b as Record<string, string>),
    seedOrders: (s, b) => seedOrders(s, String(b['spreadsheetId']), Number(b['count']), String(b['writer'])),
    sheetNames: (s, b) => s.app.spreadsheets.get(String(b['spreadsheetId']))?.sheetNames() ?? null,
  };
  // The services are read at each call: `reset` replaces them.
  return Object.fromEntries(
    Object.entries(handlers).map(([name, h]) => [name, (body: Json) => h(e.services, body)]),
  );
}

/**
 * The Apps Script deployment's form-submit trigger on the same state the REST API serves: its services
 * (the in-memory fakes) over the emulator's world, spreadsheets, Drive and Docs, its script properties
 * naming the Form, tracker and folder `cead google setup` made. Returns the trigger's intake outcome.
 */
function gasIntake(s: RestEmulator['services'], b: Record<string, string>): unknown {
  const fakes = createGasFakes(
    {},
    { world: s.world, SpreadsheetApp: s.app, Sheets: s.sheets, Drive: s.drive, Docs: s.docs },
  );
  // The globals (Date and console among them) are the trigger's only while it runs: the server needs its own.
  const own = globalThis as unknown as Record<string, unknown>;
  const before = Object.fromEntries(Object.keys(fakes.globals()).map((k) => [k, own[k]]));
  installGasFakes(globalThis, fakes);
  try {
    const props = fakes.PropertiesService.getScriptProperties();
    props.setProperty(PROPERTY.formId, String(b['formId']));
    props.setProperty(PROPERTY.spreadsheetId, String(b['spreadsheetId']));
    props.setProperty(PROPERTY.folderId, String(b['folderId']));
    const response = s.forms.formAppResponse(String(b['formId']), String(b['responseId']));
    return handleFormSubmit({ response } as never, letterDrafter) ?? null;
  } finally {
    fakes.endExecution();
    Object.assign(globalThis, before);
  }
}

/**
 * `count` open orders of `writer` in the tracker's Orders sheet, with room after them as a sheet CEAD grew
 * itself has (the benchmark's 10,000 orders; written straight into the sheet, not through the API).
 */
function seedOrders(
  s: RestEmulator['services'],
  spreadsheetId: string,
  count: number,
  writer: string,
): number {
  const orders = s.app.spreadsheets.get(spreadsheetId)?.peekSheet('Orders');
  if (!orders) throw new Error(`no Orders sheet in ${spreadsheetId}`);
  const rows = Array.from({ length: count }, (_, i) => orderToRow(seededOrder(i, writer)));
  const wanted = rows.length + 1 + ROOM_ROWS;
  if (wanted > orders.getMaxRows()) orders.insertRowsAfter(orders.getMaxRows(), wanted - orders.getMaxRows());
  if (rows.length > 0) orders.getRange(2, 1, rows.length, ORDER_HEADERS.length).setValues(rows);
  return rows.length;
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
  // The test's thread is blocked while a long run goes on, so its idle keep-alive connection must outlast
  // any run: with Node's default (5 s) the next control call would find it closed.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ baseUrl: emulator.baseUrl, controlUrl: `http://127.0.0.1:${port}` })}\n`,
  );
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

void main();
