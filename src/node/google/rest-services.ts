/**
 * The Sheets, Drive and Docs services with the shapes of Apps Script's advanced services (src/gas/
 * sheets-v4.ts, drive-v3.ts, doc-writer.ts), over Google's REST clients. With them `cead google` runs the
 * very adapters Apps Script runs (the tracker's one read and one write per durable point, the draft Docs,
 * the comment threads, the writers' folders), so both send the same requests and share one idempotence.
 * Each method is one REST call; the advanced services' argument order becomes the clients' named params.
 */
import type { DocsV1 } from '../../gas/doc-writer';
import type { DriveV3 } from '../../gas/drive-v3';
import type { SheetsV4 } from '../../gas/sheets-v4';
import type { GoogleTransport } from './google-transport';

type Params = Record<string, unknown>;

export function restSheets(t: GoogleTransport): SheetsV4 {
  return {
    Spreadsheets: {
      Values: {
        batchGet: (spreadsheetId, options) =>
          t.call('sheets', 'spreadsheets.values.batchGet', { spreadsheetId, ...options }),
        batchUpdate: (resource, spreadsheetId) =>
          t.call('sheets', 'spreadsheets.values.batchUpdate', { spreadsheetId, requestBody: resource }),
      },
      get: (spreadsheetId, options) => t.call('sheets', 'spreadsheets.get', { spreadsheetId, ...options }),
      batchUpdate: (resource, spreadsheetId) =>
        t.call('sheets', 'spreadsheets.batchUpdate', { spreadsheetId, requestBody: resource }),
    },
  };
}

export function restDocs(t: GoogleTransport): DocsV1 {
  return {
    Documents: {
      get: (documentId) => t.call('docs', 'documents.get', { documentId }),
      batchUpdate: (resource, documentId) =>
        t.call('docs', 'documents.batchUpdate', { documentId, requestBody: resource }),
    },
  };
}

export function restDrive(t: GoogleTransport): DriveV3 {
  const drive = (method: string, params: Params) => t.call<never>('drive', method, params);
  return {
    Files: {
      create: (resource, _media, options) => drive('files.create', { requestBody: resource, ...options }),
      get: (fileId, options) => drive('files.get', { fileId, ...options }),
      update: (resource, fileId, _media, options) =>
        drive('files.update', { fileId, requestBody: resource, ...options }),
      list: (options) => drive('files.list', { ...options }),
    },
    Permissions: {
      create: (resource, fileId, options) =>
        drive('permissions.create', { fileId, requestBody: resource, ...options }),
      list: (fileId, options) => drive('permissions.list', { fileId, ...options }),
    },
    Comments: {
      create: (resource, fileId, options) =>
        drive('comments.create', { fileId, requestBody: resource, ...options }),
      list: (fileId, options) => drive('comments.list', { fileId, ...options }),
    },
    Replies: {
      create: (resource, fileId, commentId, options) =>
        drive('replies.create', { fileId, commentId, requestBody: resource, ...options }),
    },
  };
}
