/**
 * The REST emulator, reached by Google's own Node clients (src/node/google/clients.ts) over loopback HTTP,
 * pinned to what the API reference pages say: the required `fields` of Drive comments, unknown names
 * refused, `RAW` and `USER_ENTERED`, the values API never growing a sheet, Docs indices in UTF-16 code
 * units, `requiredRevisionId`, the 10 MB request limit, Google's error bodies, and faults on demand.
 */
import type { ApiReply } from '../../src/node/google/api-call';
import { invoke, makeClients } from '../../src/node/google/clients';
import { type RestEmulator, startRestEmulator } from './google-rest-emulator';

let emulator: RestEmulator;
let clients: ReturnType<typeof makeClients>;

beforeAll(async () => {
  emulator = await startRestEmulator();
  clients = makeClients({ rootUrl: emulator.baseUrl, auth: { kind: 'token', accessToken: 'test-token' } });
});
afterAll(() => emulator.close());

const call = (api: 'sheets' | 'docs' | 'drive' | 'forms', method: string, params: Record<string, unknown>) =>
  invoke(clients, { api, method, params });

function data<T = Record<string, unknown>>(reply: ApiReply): T {
  if (!reply.ok) throw new Error(`${reply.status} ${reply.message}`);
  return reply.data as T;
}

async function newSpreadsheet(rows = 5): Promise<string> {
  const made = data<{ spreadsheetId: string }>(
    await call('sheets', 'spreadsheets.create', {
      requestBody: {
        properties: { title: 'T' },
        sheets: [{ properties: { title: 'Orders', gridProperties: { rowCount: rows, columnCount: 5 } } }],
      },
    }),
  );
  return made.spreadsheetId;
}

async function newDoc(text: string): Promise<string> {
  const { documentId } = data<{ documentId: string }>(
    await call('docs', 'documents.create', { requestBody: { title: 'D' } }),
  );
  if (text) {
    data(
      await call('docs', 'documents.batchUpdate', {
        documentId,
        requestBody: { requests: [{ insertText: { location: { index: 1 }, text } }] },
      }),
    );
  }
  return documentId;
}

describe('Sheets v4 values', () => {
  it('stores RAW text as typed and parses USER_ENTERED as if typed', async () => {
    const id = await newSpreadsheet();
    for (const [option, range] of [
      ['RAW', 'Orders!A1'],
      ['USER_ENTERED', 'Orders!A2'],
    ]) {
      data(
        await call('sheets', 'spreadsheets.values.batchUpdate', {
          spreadsheetId: id,
          requestBody: { valueInputOption: option, data: [{ range, values: [['=1+1']] }] },
        }),
      );
    }
    const got = data<{ valueRanges: { values: unknown[][] }[] }>(
      await call('sheets', 'spreadsheets.values.batchGet', {
        spreadsheetId: id,
        ranges: ['Orders!A1', 'Orders!A2'],
        valueRenderOption: 'UNFORMATTED_VALUE',
      }),
    );
    expect(got.valueRanges.map((r) => r.values[0]?.[0])).toEqual(['=1+1', 2]);
  });

  it('never grows a sheet: a write past the grid fails whole', async () => {
    const id = await newSpreadsheet(3);
    const reply = await call('sheets', 'spreadsheets.values.batchUpdate', {
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: 'Orders!A1', values: [['kept?']] },
          { range: 'Orders!A4', values: [['past the end']] },
        ],
      },
    });
    expect(reply).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/exceeds grid limits/),
    });
    const got = data<{ valueRanges: { values?: unknown[][] }[] }>(
      await call('sheets', 'spreadsheets.values.batchGet', { spreadsheetId: id, ranges: ['Orders!A1'] }),
    );
    expect(got.valueRanges[0]?.values).toBeUndefined();
  });

  it('refuses a body field and a query parameter the method does not have', async () => {
    const id = await newSpreadsheet();
    const field = await call('sheets', 'spreadsheets.values.batchUpdate', {
      spreadsheetId: id,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'Orders!A1', values: [['x']], value: 1 }] },
    });
    expect(field).toMatchObject({
      status: 400,
      message: 'Invalid JSON payload received. Unknown name "value" at \'data[0]\': Cannot find field.',
    });
    const param = await call('sheets', 'spreadsheets.values.batchGet', {
      spreadsheetId: id,
      ranges: ['A1'],
      render: 'x',
    });
    expect(param).toMatchObject({
      status: 400,
      message: expect.stringMatching(/Unknown name "render": Cannot bind query parameter/),
    });
  });

  it('refuses a request over 10 MB', async () => {
    const id = await newSpreadsheet();
    const reply = await call('sheets', 'spreadsheets.values.batchUpdate', {
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [{ range: 'Orders!A1', values: [['x'.repeat(10 * 1024 * 1024)]] }],
      },
    });
    expect(reply).toMatchObject({
      status: 400,
      message: 'Request payload size exceeds the limit: 10485760 bytes.',
    });
  });
});

describe('Docs v1', () => {
  it('counts indices in UTF-16 code units and refuses to split a surrogate pair', async () => {
    const id = await newDoc('a😀b');
    const doc = data<{ body: { content: { endIndex: number }[] } }>(
      await call('docs', 'documents.get', { documentId: id }),
    );
    // "a😀b\n" from index 1: 1 + 4 UTF-16 units + the final newline.
    expect(doc.body.content.at(-1)?.endIndex).toBe(6);
    const split = await call('docs', 'documents.batchUpdate', {
      documentId: id,
      requestBody: { requests: [{ deleteContentRange: { range: { startIndex: 2, endIndex: 3 } } }] },
    });
    expect(split).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a write whose requiredRevisionId is not the latest', async () => {
    const id = await newDoc('draft');
    const before = data<{ revisionId: string }>(await call('docs', 'documents.get', { documentId: id }));
    data(
      await call('docs', 'documents.batchUpdate', {
        documentId: id,
        requestBody: { requests: [{ insertText: { location: { index: 1 }, text: 'typed ' } }] },
      }),
    );
    const guarded = await call('docs', 'documents.batchUpdate', {
      documentId: id,
      requestBody: {
        requests: [{ insertText: { location: { index: 1 }, text: 'CEAD ' } }],
        writeControl: { requiredRevisionId: before.revisionId },
      },
    });
    expect(guarded).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/revision/i) });
  });
});

describe('Drive v3', () => {
  it('requires fields on comments and says so in its error body', async () => {
    const id = await newDoc('x');
    const reply = await call('drive', 'comments.create', { fileId: id, requestBody: { content: 'hi' } });
    expect(reply).toMatchObject({
      status: 400,
      message: "The 'fields' parameter is required for this method.",
    });
    const ok = data<{ id: string }>(
      await call('drive', 'comments.create', { fileId: id, fields: 'id', requestBody: { content: 'hi' } }),
    );
    expect(Object.keys(ok)).toEqual(['id']);
  });

  it('answers an unknown file 404 with Google’s body', async () => {
    const res = await fetch(`${emulator.baseUrl}drive/v3/files/nope?fields=id`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: 404,
        message: 'File not found: nope.',
        errors: [{ message: 'File not found: nope.', domain: 'global', reason: 'notFound' }],
        status: 'NOT_FOUND',
      },
    });
  });

  it('answers 401 without a bearer token', async () => {
    const res = await fetch(`${emulator.baseUrl}drive/v3/files?fields=files(id)`);
    expect(res.status).toBe(401);
  });
});

describe('Drive v3 files.export', () => {
  it('exports a Google Doc as a PDF of its text at its page size', async () => {
    const documentId = await newDoc('Dear Program Director,\nRosa (PGY-1) was excellent.');
    const reply = await invoke(clients, {
      api: 'drive',
      method: 'files.export',
      params: { fileId: documentId, mimeType: 'application/pdf' },
      media: true,
    });
    const pdf = Buffer.from(data<Uint8Array>(reply)).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf).toContain('/MediaBox [0 0 612 792]');
    expect(pdf).toContain('(Rosa \\(PGY-1\\) was excellent.) Tj');
    // The cross-reference table points at each object.
    const at = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(at, at + 4)).toBe('xref');
    const first = Number(/\n(\d{10}) 00000 n /.exec(pdf)?.[1]);
    expect(pdf.slice(first, first + 7)).toBe('1 0 obj');
    // A Doc with images exports that much larger, its cross-reference table still right.
    emulator.services.imageBytes.set(documentId, 50_000);
    const params = { fileId: documentId, mimeType: 'application/pdf' };
    const big = await invoke(clients, { api: 'drive', method: 'files.export', params, media: true });
    const withImage = Buffer.from(data<Uint8Array>(big)).toString('latin1');
    expect(withImage.length - pdf.length).toBeGreaterThan(50_000);
    const objects = [...withImage.matchAll(/\n(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
    expect(objects.map((at, i) => withImage.slice(at, at + `${i + 1} 0 obj`.length))).toEqual(
      objects.map((_, i) => `${i + 1} 0 obj`),
    );
  });

  it('requires mimeType, and exports only Docs Editors files to the formats it knows', async () => {
    const documentId = await newDoc('x');
    // The client library refuses a call without it before sending; the emulator's own rule, over fetch.
    const client = await call('drive', 'files.export', { fileId: documentId });
    expect(client).toMatchObject({ ok: false, message: 'Missing required parameters: mimeType' });
    const bare = await fetch(`${emulator.baseUrl}drive/v3/files/${documentId}/export`, {
      headers: { authorization: 'Bearer test-token' },
    });
    expect([bare.status, ((await bare.json()) as { error: { message: string } }).error.message]).toEqual([
      400,
      'Required parameter: mimeType',
    ]);
    const odd = await call('drive', 'files.export', { fileId: documentId, mimeType: 'image/gif' });
    expect(odd).toMatchObject({ ok: false, status: 400 });
    const folder = data<{ id: string }>(
      await call('drive', 'files.create', {
        requestBody: { name: 'F', mimeType: 'application/vnd.google-apps.folder' },
        fields: 'id',
      }),
    );
    const notDoc = await call('drive', 'files.export', { fileId: folder.id, mimeType: 'application/pdf' });
    expect(notDoc).toMatchObject({
      ok: false,
      status: 403,
      message: 'Export only supports Docs Editors files.',
    });
  });
});

describe('faults on demand', () => {
  it.each([
    [403, 'PERMISSION_DENIED'],
    [409, 'ABORTED'],
    [429, 'RESOURCE_EXHAUSTED'],
    [503, 'UNAVAILABLE'],
  ])('fails the n-th call with %i %s', async (status, name) => {
    const before = emulator.count('drive.files.list');
    emulator.failNth('drive.files.list', 2, { status, retryAfter: status === 429 ? 7 : undefined });
    const first = await call('drive', 'files.list', { q: 'trashed = false', fields: 'files(id)' });
    const second = await call('drive', 'files.list', { q: 'trashed = false', fields: 'files(id)' });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, status, ...(status === 429 ? { retryAfter: 7 } : {}) });
    expect(emulator.count('drive.files.list')).toBe(before + 2);
    const res = await fetch(`${emulator.baseUrl}drive/v3/files?fields=files(id)`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(res.status).toBe(200);
    emulator.failNth('drive.files.list', 1, { status });
    const raw = await fetch(`${emulator.baseUrl}drive/v3/files?fields=files(id)`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(((await raw.json()) as { error: { status: string } }).error.status).toBe(name);
  });
});

describe('Forms v1', () => {
  it('takes responses only once published, and lists them by timestamp', async () => {
    const { formId } = data<{ formId: string }>(
      await call('forms', 'forms.create', { requestBody: { info: { title: 'Q' } } }),
    );
    data(
      await call('forms', 'forms.batchUpdate', {
        formId,
        requestBody: {
          requests: [
            {
              createItem: {
                item: { title: 'Name', questionItem: { question: { textQuestion: {} } } },
                location: { index: 0 },
              },
            },
          ],
        },
      }),
    );
    const forms = emulator.services.forms;
    expect(() => forms.submit(formId, { Name: 'A' })).toThrow(/not accepting/);
    data(
      await call('forms', 'forms.setPublishSettings', {
        formId,
        requestBody: { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } } },
      }),
    );
    forms.submit(formId, { Name: 'A' });
    const at = emulator.services.world.clock.now().toISOString();
    emulator.services.world.clock.advance(60_000);
    forms.submit(formId, { Name: 'B' });
    const since = data<{
      responses: { answers: Record<string, { textAnswers: { answers: { value: string }[] } }> }[];
    }>(await call('forms', 'forms.responses.list', { formId, filter: `timestamp > ${at}` }));
    expect(since.responses.map((r) => Object.values(r.answers)[0]?.textAnswers.answers[0]?.value)).toEqual([
      'B',
    ]);
    for (const filter of ['createTime > 1', 'timestamp > 2026-11-30T09:00:00-05:00']) {
      const bad = await call('forms', 'forms.responses.list', { formId, filter });
      expect(bad).toMatchObject({ ok: false, status: 400 });
    }
  });
});
