/**
 * The letter as a PDF in the order's folder (the Doc's own folder), through DocumentApp (`getAs`) and the
 * Drive advanced service v3, which works with the narrow `drive.file` scope (DriveApp needs full `drive`).
 * Exporting again replaces the earlier PDF of the same name, so the folder holds one current letter.
 */
import { driveQuoted } from './drive-v3';
import type { PdfStore } from './sidebar-server';

/** The part of the Drive v3 advanced service this adapter uses (the typings omit the options argument). */
export interface DriveFiles {
  Files: {
    get(fileId: string, options?: Record<string, unknown>): unknown;
    list(options?: Record<string, unknown>): unknown;
    create(resource: Record<string, unknown>, blob?: unknown, options?: Record<string, unknown>): unknown;
    update(
      resource: Record<string, unknown>,
      fileId: string,
      blob?: unknown,
      options?: Record<string, unknown>,
    ): unknown;
  };
}

export interface PdfBlob {
  setName(name: string): PdfBlob;
  getBytes(): readonly number[] | Uint8Array;
}

const viewUrl = (id: string) => `https://drive.google.com/file/d/${id}/view`;

/**
 * The open Doc as PDF. The sidebar only ever exports the Doc it is open in, and the manifest's
 * `documents.currentonly` scope reaches no other (`DocumentApp.openById` would need `documents`).
 */
function activeDocumentPdf(docId: string): PdfBlob {
  const doc = DocumentApp.getActiveDocument();
  if (doc.getId() !== docId) throw new Error('Only the open document can be exported.');
  return doc.getAs('application/pdf') as unknown as PdfBlob;
}

export function letterPdf(
  drive: DriveFiles = Drive as unknown as DriveFiles,
  render: (docId: string) => PdfBlob = activeDocumentPdf,
): PdfStore {
  return {
    save(docId, name) {
      const blob = render(docId).setName(name);
      const bytes = blob.getBytes().length;
      const { parents = [] } = drive.Files.get(docId, { fields: 'parents' }) as { parents?: string[] };
      const folder = parents[0];
      const q = [
        `name = ${driveQuoted(name)}`,
        'trashed = false',
        ...(folder ? [`${driveQuoted(folder)} in parents`] : []),
      ].join(' and ');
      const { files = [] } = drive.Files.list({ q, fields: 'files(id)' }) as { files?: { id: string }[] };
      const existing = files[0]?.id;
      const saved = (
        existing
          ? drive.Files.update({}, existing, blob, { fields: 'id,webViewLink' })
          : drive.Files.create(
              { name, mimeType: 'application/pdf', ...(folder ? { parents: [folder] } : {}) },
              blob,
              {
                fields: 'id,webViewLink',
              },
            )
      ) as { id: string; webViewLink?: string };
      return { fileId: saved.id, url: saved.webViewLink ?? viewUrl(saved.id), bytes };
    },
    remove(fileId) {
      drive.Files.update({ trashed: true }, fileId, undefined, { fields: 'id' });
    },
  };
}
