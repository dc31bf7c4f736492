/**
 * The Docs advanced service (`Docs.Documents.create/get/batchUpdate`) as Apps Script exposes it, over the
 * Docs emulator (docs-emulator.ts), which applies batchUpdate requests with the API's rules.
 *
 * What this layer adds: documents share ids with the Drive registry (a Doc made by Drive `files.create`
 * exists for Docs too, and a trashed or unknown file is "not found"), calls go through the shared ledger
 * (counted, failable), and it remembers who last changed each document's content.
 */
import { DocsEmulator } from './docs-emulator';
import { type GasWorld, MIME, registerFile } from './gas-world';

const SERVICE = 'Docs';

export interface FakeDocs {
  readonly emulator: DocsEmulator;
  Documents: {
    create(resource: Record<string, unknown>): unknown;
    get(documentId: string, options?: Record<string, unknown>): unknown;
    batchUpdate(resource: Record<string, unknown>, documentId: string): unknown;
  };
  /** Registers an empty document created by another service (Drive `files.create`). */
  adopt(documentId: string, title: string): void;
  /** Test helpers (not Apps Script). */
  exists(documentId: string): boolean;
  /** The body text without Docs' final newline. */
  textOf(documentId: string): string;
  namedRangesOf(documentId: string): Array<{ name: string; startIndex: number; endIndex: number }>;
  /** A person typing in Docs: inserts text at an index. */
  userEdit(documentId: string, index: number, text: string, user: string): void;
  lastModifiedBy(documentId: string): string;
}

export function createDocs(world: GasWorld): FakeDocs {
  const emulator = new DocsEmulator();
  /** Drive file id → the emulator's document id. */
  const ids = new Map<string, string>();
  const modifiedBy = new Map<string, string>();
  const call = (method: string) => world.ledger.record(SERVICE, method);
  const notFound = (method: string) =>
    new Error(
      `GoogleJsonResponseException: API call to docs.documents.${method} failed with error: Requested entity was not found.`,
    );
  const inner = (method: string, documentId: string): string => {
    const id = ids.get(documentId);
    const file = world.files.get(documentId);
    if (!id || !file || file.trashed) throw notFound(method);
    return id;
  };
  const adopt = (documentId: string, title: string) => {
    ids.set(documentId, emulator.create({ title }).documentId);
    modifiedBy.set(documentId, world.owner);
  };
  return {
    emulator,
    Documents: {
      create(resource) {
        call('Documents.create');
        const title = String(resource['title'] ?? 'Untitled document');
        const id = world.ids.next('1Do');
        adopt(id, title);
        registerFile(world, { id, name: title, mimeType: MIME.document });
        return { ...emulator.get(ids.get(id) as string), documentId: id };
      },
      get(documentId) {
        call('Documents.get');
        return { ...emulator.get(inner('get', documentId)), documentId };
      },
      batchUpdate(resource, documentId) {
        call('Documents.batchUpdate');
        const result = emulator.batchUpdate(
          resource as unknown as Parameters<DocsEmulator['batchUpdate']>[0],
          inner('batchUpdate', documentId),
        );
        modifiedBy.set(documentId, world.owner);
        return { ...result, documentId };
      },
    },
    adopt,
    exists: (documentId) => ids.has(documentId),
    textOf(documentId) {
      const id = ids.get(documentId);
      return id ? emulator.getText(id).replace(/\n$/, '') : '';
    },
    namedRangesOf(documentId) {
      const id = ids.get(documentId);
      return id
        ? emulator.namedRanges(id).map(({ name, startIndex, endIndex }) => ({ name, startIndex, endIndex }))
        : [];
    },
    userEdit(documentId, index, text, user) {
      const id = ids.get(documentId);
      if (!id) throw new Error(`fake docs: no document ${documentId}`);
      emulator.batchUpdate({ requests: [{ insertText: { text, location: { index } } }] }, id);
      modifiedBy.set(documentId, user);
    },
    lastModifiedBy: (documentId) => modifiedBy.get(documentId) ?? '',
  };
}
