/**
 * Draft documents: created by the Drive API straight into their folder (the writer's, or the orders folder)
 * in one call, the file carrying the order ID and the letter's hash as app properties; written and read
 * through the Docs API.
 *
 * Drive's `files.create` rather than `Docs.Documents.create`: the Docs API makes the file in the owner's
 * root and a move costs another call, and only Drive can label the file so that a retry finds a Doc a
 * crashed run made. Both work under the drive.file scope, because the app creates the file.
 */
import type { DocsRequest } from '../core/letter/docs-requests';
import { type DocumentRef, type DocumentStore, errorMessage } from '../core/ports';
import { DOC_MIME, type DriveFile, type DriveV3, driveV3 } from './drive-v3';

export const ORDER_PROPERTY = 'ceadOrderId';
export const HASH_PROPERTY = 'ceadLetterHash';

/** The Docs advanced service calls CEAD makes. */
export interface DocsV1 {
  readonly Documents: {
    get(documentId: string): DocsDocument;
    batchUpdate(
      resource: {
        readonly requests: readonly DocsRequest[];
        readonly writeControl?: { readonly requiredRevisionId: string };
      },
      documentId: string,
    ): unknown;
  };
}

export interface DocsDocument {
  readonly revisionId?: string;
  readonly body?: {
    readonly content?: ReadonlyArray<{
      readonly endIndex?: number;
      readonly paragraph?: {
        readonly elements?: ReadonlyArray<{ readonly textRun?: { readonly content?: string } }>;
      };
    }>;
  };
}

export function docsV1(): DocsV1 {
  return Docs as unknown as DocsV1;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** The body's text as Docs holds it, without the final newline every document ends with. */
export function bodyText(doc: DocsDocument): string {
  let text = '';
  for (const el of doc.body?.content ?? []) {
    for (const part of el.paragraph?.elements ?? []) text += part.textRun?.content ?? '';
  }
  return text.replace(/\n$/, '');
}

function endIndex(doc: DocsDocument): number {
  const content = doc.body?.content ?? [];
  return content[content.length - 1]?.endIndex ?? 1;
}

export class DriveDocWriter implements DocumentStore {
  constructor(
    private readonly folderId: string,
    private readonly drive: () => DriveV3 = driveV3,
    private readonly docs: () => DocsV1 = docsV1,
    /** Told when Drive cannot find the folder a Doc was to be made in (a writer's folder deleted by hand). */
    private readonly onMissingFolder?: (folderId: string) => void,
  ) {}

  private ref(file: DriveFile): DocumentRef {
    const id = file.id ?? '';
    return { id, url: docUrl(id), letterHash: file.appProperties?.[HASH_PROPERTY] ?? '' };
  }

  findByOrder(orderId: string): DocumentRef | undefined {
    // Order IDs are CEAD-XXXXX-XXXXX (no quotes), so they are safe inside the query.
    const found = this.drive().Files.list({
      q: `appProperties has { key='${ORDER_PROPERTY}' and value='${orderId}' } and trashed = false`,
      fields: 'files(id,appProperties)',
      pageSize: 10,
    });
    const file = found.files?.[0];
    return file ? this.ref(file) : undefined;
  }

  create(orderId: string, title: string, letterHash: string, folderId?: string): DocumentRef {
    const parent = folderId ?? this.folderId;
    try {
      const file = this.drive().Files.create(
        {
          name: title,
          mimeType: DOC_MIME,
          parents: [parent],
          appProperties: { [ORDER_PROPERTY]: orderId, [HASH_PROPERTY]: letterHash },
        },
        null,
        { fields: 'id,appProperties' },
      );
      return this.ref(file);
    } catch (e) {
      if (folderId && /File not found/i.test(errorMessage(e))) this.onMissingFolder?.(folderId);
      throw e;
    }
  }

  text(docId: string): string {
    return bodyText(this.docs().Documents.get(docId));
  }

  write(docId: string, requests: readonly DocsRequest[]): void {
    this.docs().Documents.batchUpdate({ requests }, docId);
  }

  replace(
    docId: string,
    requests: readonly DocsRequest[],
    letterHash: string,
    unchanged?: (currentText: string) => boolean,
  ): boolean {
    const doc = this.docs().Documents.get(docId);
    if (unchanged && !unchanged(bodyText(doc))) return false;
    const end = endIndex(doc);
    // Everything but the final newline goes, then the letter is written as into a new document.
    const clear: DocsRequest[] =
      end > 2 ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } }] : [];
    // Conditional on the revision just checked: Docs refuses the write (400) if anyone typed since.
    const guard = unchanged && doc.revisionId ? { writeControl: { requiredRevisionId: doc.revisionId } } : {};
    try {
      this.docs().Documents.batchUpdate({ requests: [...clear, ...requests], ...guard }, docId);
    } catch (e) {
      // The refusal's wording is not documented; a newer revision says it was that.
      if ('writeControl' in guard && this.docs().Documents.get(docId).revisionId !== doc.revisionId)
        return false;
      throw e;
    }
    this.drive().Files.update({ appProperties: { [HASH_PROPERTY]: letterHash } }, docId, null, {
      fields: 'id',
    });
    return true;
  }
}
