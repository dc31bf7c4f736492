/**
 * The REST methods the emulator answers, each mapped onto the in-memory fake that already keeps that API's
 * rules (sheets-service.ts, drive-service.ts, docs-service.ts over docs-emulator.ts, forms-rest.ts), so
 * the Apps Script fakes and the HTTP emulator share one source of truth. A route names the method as the
 * client libraries do (`sheets.spreadsheets.values.batchGet`), the query parameters it binds and the
 * request body's fields; anything else is refused as Google refuses it (google-rest-emulator.ts).
 */
import { bodyText, type DocsDocument } from '../../src/gas/doc-writer';
import type { FakeDocs } from './docs-service';
import type { FakeDrive } from './drive-service';
import type { FormsRest } from './forms-rest';
import type { GasWorld } from './gas-world';
import { MIME } from './gas-world';
import { RestError } from './google-rest-errors';
import { minimalPdf } from './minimal-pdf';
import type { FakeSheets } from './sheets-service';
import type { FakeSpreadsheetApp } from './spreadsheet-app';

type Json = Record<string, unknown>;

/** A body's known fields: `true` for a leaf, a nested schema for an object, `[schema]` for a list of them. */
export type BodySchema = { readonly [field: string]: true | BodySchema | readonly [BodySchema] };

export interface Route {
  readonly verb: 'GET' | 'POST' | 'PATCH';
  readonly path: RegExp;
  readonly name: string;
  readonly query: readonly string[];
  /** Without a schema the body's fields are the fake's to check (Drive's "not directly writable"). */
  readonly body?: BodySchema;
  run(args: { readonly path: string[]; readonly query: URLSearchParams; readonly body: Json }): unknown;
}

/** A method's answer that is a file's bytes, not JSON (Drive's `files.export`). */
export class Media {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
  ) {}
}

export interface EmulatedServices {
  readonly world: GasWorld;
  readonly app: FakeSpreadsheetApp;
  readonly sheets: FakeSheets;
  readonly drive: FakeDrive;
  readonly docs: FakeDocs;
  readonly forms: FormsRest;
  /**
   * Bytes of images a Doc holds, by document ID (the Docs fake keeps text only): its PDF export carries
   * that much more, as a PDF of a letter with a scanned signature or a logo does.
   */
  readonly imageBytes: Map<string, number>;
}

const ID = '([^/:?]+)';
const VALUE_RANGE: BodySchema = { range: true, majorDimension: true, values: true };

/** Query values as the fakes take options: numbers and booleans typed, repeated names as lists. */
function options(query: URLSearchParams, lists: readonly string[] = []): Json {
  const out: Json = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    const one = all[all.length - 1] as string;
    if (lists.includes(key)) out[key] = all;
    else if (one === 'true' || one === 'false') out[key] = one === 'true';
    else if (/^(pageSize)$/.test(key)) out[key] = Number(one);
    else out[key] = one;
  }
  return out;
}

function sheetsRoutes(s: EmulatedServices): Route[] {
  const base = '^/v4/spreadsheets';
  return [
    {
      verb: 'GET',
      path: new RegExp(`${base}/${ID}/values:batchGet$`),
      name: 'sheets.spreadsheets.values.batchGet',
      query: ['ranges', 'valueRenderOption', 'dateTimeRenderOption', 'majorDimension'],
      run: ({ path, query }) => ({
        spreadsheetId: path[0],
        ...s.sheets.Spreadsheets.Values.batchGet(path[0] as string, options(query, ['ranges'])),
      }),
    },
    {
      verb: 'POST',
      path: new RegExp(`${base}/${ID}/values:batchUpdate$`),
      name: 'sheets.spreadsheets.values.batchUpdate',
      query: [],
      body: {
        valueInputOption: true,
        data: [VALUE_RANGE],
        includeValuesInResponse: true,
        responseValueRenderOption: true,
        responseDateTimeRenderOption: true,
      },
      run: ({ path, body }) => s.sheets.Spreadsheets.Values.batchUpdate(body, path[0] as string),
    },
    {
      verb: 'GET',
      path: new RegExp(`${base}/${ID}$`),
      name: 'sheets.spreadsheets.get',
      query: ['ranges', 'includeGridData'],
      run: ({ path, query }) => s.sheets.Spreadsheets.get(path[0] as string, options(query)),
    },
    {
      verb: 'POST',
      path: new RegExp(`${base}/${ID}:batchUpdate$`),
      name: 'sheets.spreadsheets.batchUpdate',
      query: [],
      body: {
        requests: true,
        includeSpreadsheetInResponse: true,
        responseRanges: true,
        responseIncludeGridData: true,
      },
      run: ({ path, body }) => s.sheets.Spreadsheets.batchUpdate(body, path[0] as string),
    },
    {
      verb: 'POST',
      path: new RegExp(`${base}$`),
      name: 'sheets.spreadsheets.create',
      query: [],
      body: {
        properties: { title: true, locale: true, timeZone: true },
        sheets: [
          {
            properties: {
              title: true,
              gridProperties: { rowCount: true, columnCount: true, frozenRowCount: true },
            },
          },
        ],
      },
      run: ({ body }) => createSpreadsheet(s, body),
    },
  ];
}

/** `spreadsheets.create`: the title, time zone and sheets asked for (else one "Sheet1", 1000 × 26). */
function createSpreadsheet(s: EmulatedServices, body: Json): Json {
  const props = (body['properties'] ?? {}) as Json;
  const title = String(props['title'] ?? 'Untitled spreadsheet');
  const wanted = ((body['sheets'] ?? []) as Json[]).map((sh) => (sh['properties'] ?? {}) as Json);
  const first = (wanted[0]?.['gridProperties'] ?? {}) as Json;
  const ss = s.app.create(
    title,
    first['rowCount'] as number | undefined,
    first['columnCount'] as number | undefined,
  );
  if (typeof props['timeZone'] === 'string') ss.setSpreadsheetTimeZone(props['timeZone']);
  wanted.forEach((p, i) => {
    const grid = (p['gridProperties'] ?? {}) as Json;
    const name = String(p['title'] ?? `Sheet${i + 1}`);
    if (i === 0) ss.getSheets()[0]?.setName(name);
    else ss.addSheet(name, grid['rowCount'] as number | undefined, grid['columnCount'] as number | undefined);
  });
  const id = ss.getId();
  return {
    spreadsheetId: id,
    spreadsheetUrl: ss.getUrl(),
    ...s.sheets.Spreadsheets.get(id, { fields: 'properties.title,sheets.properties' }),
  };
}

function docsRoutes(s: EmulatedServices): Route[] {
  return [
    {
      verb: 'GET',
      path: new RegExp(`^/v1/documents/${ID}$`),
      name: 'docs.documents.get',
      query: ['suggestionsViewMode', 'includeTabsContent'],
      run: ({ path }) => s.docs.Documents.get(path[0] as string),
    },
    {
      verb: 'POST',
      path: new RegExp(`^/v1/documents/${ID}:batchUpdate$`),
      name: 'docs.documents.batchUpdate',
      query: [],
      body: { requests: true, writeControl: { requiredRevisionId: true, targetRevisionId: true } },
      run: ({ path, body }) => s.docs.Documents.batchUpdate(body, path[0] as string),
    },
    {
      verb: 'POST',
      path: /^\/v1\/documents$/,
      name: 'docs.documents.create',
      query: [],
      body: { title: true },
      run: ({ body }) => s.docs.Documents.create(body),
    },
  ];
}

function driveRoutes(s: EmulatedServices): Route[] {
  const D = s.drive;
  const files = '^/drive/v3/files';
  const common = ['supportsAllDrives', 'supportsTeamDrives'];
  return [
    {
      verb: 'GET',
      path: /^\/drive\/v3\/about$/,
      name: 'drive.about.get',
      query: [],
      run: ({ query }) => aboutView(s, query.get('fields')),
    },
    {
      verb: 'GET',
      path: new RegExp(`${files}$`),
      name: 'drive.files.list',
      query: [
        'q',
        'pageSize',
        'pageToken',
        'orderBy',
        'spaces',
        'corpora',
        'includeItemsFromAllDrives',
        ...common,
      ],
      run: ({ query }) => D.Files.list(options(query)),
    },
    {
      verb: 'POST',
      path: new RegExp(`${files}$`),
      name: 'drive.files.create',
      query: ['uploadType', 'ignoreDefaultVisibility', 'keepRevisionForever', ...common],
      run: ({ query, body }) => D.Files.create(body, undefined, options(query)),
    },
    {
      verb: 'GET',
      path: new RegExp(`${files}/${ID}$`),
      name: 'drive.files.get',
      query: ['acknowledgeAbuse', ...common],
      run: ({ path, query }) => D.Files.get(path[0] as string, options(query)),
    },
    {
      verb: 'GET',
      path: new RegExp(`${files}/${ID}/export$`),
      name: 'drive.files.export',
      query: ['mimeType'],
      run: ({ path, query }) => exportDoc(s, path[0] as string, query.get('mimeType')),
    },
    {
      verb: 'PATCH',
      path: new RegExp(`${files}/${ID}$`),
      name: 'drive.files.update',
      query: ['addParents', 'removeParents', 'keepRevisionForever', ...common],
      run: ({ path, query, body }) => D.Files.update(body, path[0] as string, undefined, options(query)),
    },
    {
      verb: 'POST',
      path: new RegExp(`${files}/${ID}/permissions$`),
      name: 'drive.permissions.create',
      query: ['sendNotificationEmail', 'emailMessage', 'transferOwnership', ...common],
      body: { role: true, type: true, emailAddress: true, domain: true, allowFileDiscovery: true },
      run: ({ path, query, body }) => D.Permissions.create(body, path[0] as string, options(query)),
    },
    {
      verb: 'GET',
      path: new RegExp(`${files}/${ID}/permissions$`),
      name: 'drive.permissions.list',
      query: ['pageSize', 'pageToken', ...common],
      run: ({ path, query }) => D.Permissions.list(path[0] as string, options(query)),
    },
    {
      verb: 'POST',
      path: new RegExp(`${files}/${ID}/comments$`),
      name: 'drive.comments.create',
      query: [],
      body: { content: true, quotedFileContent: { mimeType: true, value: true }, anchor: true },
      run: ({ path, query, body }) => D.Comments.create(body, path[0] as string, options(query)),
    },
    {
      verb: 'GET',
      path: new RegExp(`${files}/${ID}/comments$`),
      name: 'drive.comments.list',
      query: ['pageSize', 'pageToken', 'startModifiedTime', 'includeDeleted'],
      run: ({ path, query }) => D.Comments.list(path[0] as string, options(query)),
    },
    {
      verb: 'POST',
      path: new RegExp(`${files}/${ID}/comments/${ID}/replies$`),
      name: 'drive.replies.create',
      query: [],
      body: { content: true, action: true },
      run: ({ path, query, body }) =>
        D.Replies.create(body, path[0] as string, path[1] as string, options(query)),
    },
  ];
}

/** Drive's limit on what `files.export` returns. */
export const EXPORT_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * `files.export` of a Google Doc, as the reference has it: `mimeType` required, Docs Editors files only,
 * at most 10 MB. PDF (minimal-pdf.ts, at the Doc's page size) and plain text; other formats are refused.
 */
function exportDoc(s: EmulatedServices, fileId: string, mimeType: string | null): Media {
  if (!mimeType) throw new RestError(400, 'Required parameter: mimeType');
  const file = s.drive.Files.get(fileId, { fields: 'mimeType' }) as { mimeType?: string };
  if (file.mimeType !== MIME.document) throw new RestError(403, 'Export only supports Docs Editors files.');
  if (mimeType !== 'application/pdf' && mimeType !== 'text/plain')
    throw new RestError(400, 'The requested conversion is not supported.');
  const doc = s.docs.Documents.get(fileId) as DocsDocument & {
    documentStyle?: { pageSize?: { width?: { magnitude?: number }; height?: { magnitude?: number } } };
  };
  const size = doc.documentStyle?.pageSize;
  const page = { width: size?.width?.magnitude ?? 612, height: size?.height?.magnitude ?? 792 };
  const bytes =
    mimeType === 'application/pdf'
      ? minimalPdf(bodyText(doc), page, s.imageBytes.get(fileId) ?? 0)
      : Buffer.from(bodyText(doc), 'utf8');
  if (bytes.length > EXPORT_LIMIT_BYTES) throw new RestError(403, 'This file is too large to be exported.');
  return new Media(bytes, mimeType);
}

/** `about.get`: the user; `fields` is required on this method, as the reference says. */
function aboutView(s: EmulatedServices, fields: string | null): Json {
  if (!fields) throw new RestError(400, "The 'fields' parameter is required for this method.");
  if (!/^user(\(|$)/.test(fields)) throw new RestError(400, `Invalid field selection ${fields}`);
  return {
    user: {
      kind: 'drive#user',
      displayName: s.world.owner.split('@')[0],
      emailAddress: s.world.owner,
      me: true,
    },
  };
}

function formsRoutes(s: EmulatedServices): Route[] {
  const F = s.forms;
  return [
    {
      verb: 'POST',
      path: /^\/v1\/forms$/,
      name: 'forms.forms.create',
      query: ['unpublished'],
      body: { info: { title: true, documentTitle: true }, items: true, settings: true },
      run: ({ body }) => F.create(body),
    },
    {
      verb: 'GET',
      path: new RegExp(`^/v1/forms/${ID}$`),
      name: 'forms.forms.get',
      query: [],
      run: ({ path }) => F.get(path[0] as string),
    },
    {
      verb: 'POST',
      path: new RegExp(`^/v1/forms/${ID}:batchUpdate$`),
      name: 'forms.forms.batchUpdate',
      query: [],
      body: {
        requests: true,
        includeFormInResponse: true,
        writeControl: { requiredRevisionId: true, targetRevisionId: true },
      },
      run: ({ path, body }) => F.batchUpdate(path[0] as string, body),
    },
    {
      verb: 'POST',
      path: new RegExp(`^/v1/forms/${ID}:setPublishSettings$`),
      name: 'forms.forms.setPublishSettings',
      query: [],
      body: {
        publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
        updateMask: true,
      },
      run: ({ path, body }) => F.setPublishSettings(path[0] as string, body),
    },
    {
      verb: 'GET',
      path: new RegExp(`^/v1/forms/${ID}/responses$`),
      name: 'forms.forms.responses.list',
      query: ['filter', 'pageSize', 'pageToken'],
      run: ({ path, query }) => F.listResponses(path[0] as string, query),
    },
    {
      verb: 'GET',
      path: new RegExp(`^/v1/forms/${ID}/responses/${ID}$`),
      name: 'forms.forms.responses.get',
      query: [],
      run: ({ path }) => F.getResponse(path[0] as string, path[1] as string),
    },
  ];
}

export function routes(s: EmulatedServices): Route[] {
  return [...sheetsRoutes(s), ...docsRoutes(s), ...driveRoutes(s), ...formsRoutes(s)];
}

/** Refuses a field the body's message does not have, in Google's words. */
export function checkBody(body: unknown, schema: BodySchema, at = ''): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  for (const [key, value] of Object.entries(body)) {
    const known = schema[key];
    if (known === undefined) {
      const where = at === '' ? '' : ` at '${at}'`;
      throw new RestError(
        400,
        `Invalid JSON payload received. Unknown name "${key}"${where}: Cannot find field.`,
      );
    }
    if (known === true) continue;
    const path = at === '' ? key : `${at}.${key}`;
    if (Array.isArray(known)) {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) checkBody(v, known[0] as BodySchema, `${path}[${i}]`);
      }
    } else checkBody(value, known as BodySchema, path);
  }
}
