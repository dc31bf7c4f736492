/**
 * The Apps Script adapters the sidebar adds beside the back office's: the PDF store (Drive v3), the Doc's
 * structure (Docs API) and the active document (DocumentApp), over the fakes of those services.
 */
import { activeDocument, literalPattern } from '../../src/gas/active-document';
import { docStructure } from '../../src/gas/doc-structure';
import { driveQuoted } from '../../src/gas/drive-v3';
import { letterPdf, type PdfBlob } from '../../src/gas/letter-pdf';
import { MIME } from '../fakes/gas-world';
import { createGasFakes } from '../fakes/install-gas-fakes';

function pdfBlob(size: number): PdfBlob & { name: string } {
  const blob = {
    name: '',
    setName(name: string) {
      blob.name = name;
      return blob;
    },
    getBytes: () => new Uint8Array(size),
  };
  return blob;
}

function orderFolderWithDoc() {
  const fakes = createGasFakes();
  const folder = fakes.Drive.Files.create({ name: 'CEAD orders', mimeType: MIME.folder }, undefined, {
    fields: 'id',
  }) as { id: string };
  const doc = fakes.Drive.Files.create(
    { name: 'Letter', mimeType: MIME.document, parents: [folder.id] },
    undefined,
    { fields: 'id' },
  ) as {
    id: string;
  };
  return { fakes, folder: folder.id, doc: doc.id };
}

describe('letterPdf', () => {
  it('saves the PDF beside the Doc, and replaces it on a second export', () => {
    const { fakes, folder, doc } = orderFolderWithDoc();
    const store = letterPdf(fakes.Drive, () => pdfBlob(52_000));
    const first = store.save(doc, "Rosa O'Neil - LOR - Michael Chen.pdf");
    expect(first.bytes).toBe(52_000);
    expect(first.url).toBe(`https://drive.google.com/file/d/${first.fileId}/view`);
    const file = fakes.world.files.get(first.fileId)!;
    expect(file).toMatchObject({
      name: "Rosa O'Neil - LOR - Michael Chen.pdf",
      mimeType: 'application/pdf',
      parents: [folder],
    });
    const second = store.save(doc, "Rosa O'Neil - LOR - Michael Chen.pdf");
    expect(second.fileId).toBe(first.fileId);
    expect([...fakes.world.files.values()].filter((f) => f.mimeType === 'application/pdf')).toHaveLength(1);
  });

  it('moves a refused PDF to the trash', () => {
    const { fakes, doc } = orderFolderWithDoc();
    const store = letterPdf(fakes.Drive, () => pdfBlob(2_000_000));
    const saved = store.save(doc, 'Big.pdf');
    store.remove(saved.fileId);
    expect(fakes.world.files.get(saved.fileId)!.trashed).toBe(true);
  });

  it('quotes names for Drive queries', () => {
    expect(driveQuoted("O'Neil \\ x")).toBe("'O\\'Neil \\\\ x'");
  });
});

describe('docStructure', () => {
  it('reads named ranges and the page size from documents.get', () => {
    const { fakes, doc } = orderFolderWithDoc();
    fakes.Docs.Documents.batchUpdate(
      {
        requests: [
          { insertText: { text: 'Patient Care. Text', location: { index: 1 } } },
          { createNamedRange: { name: 'cead:patientCare', range: { startIndex: 1, endIndex: 19 } } },
        ],
      },
      doc,
    );
    const structure = docStructure(fakes.Docs);
    expect(structure.namedRanges(doc, 'cead:patientCare')).toEqual([{ startIndex: 1, endIndex: 19 }]);
    expect(structure.namedRanges(doc, 'cead:professionalism')).toEqual([]);
    expect(structure.pageSize(doc)).toEqual({ width: 612, height: 792 });
  });
});

describe('activeDocument', () => {
  /** DocumentApp's search and selection over one paragraph of text, as far as the adapter uses them. */
  function documentApp(text: string) {
    const selections: [number, number][] = [];
    type Found = { start: number; end: number };
    const element = { asText: () => element };
    const result = (f: Found) => ({
      getElement: () => element,
      getStartOffset: () => f.start,
      getEndOffsetInclusive: () => f.end,
      f,
    });
    const doc = {
      getId: () => 'doc-1',
      getBody: () => ({
        findText(pattern: string, from?: { f: Found }) {
          const re = new RegExp(pattern, 'g');
          re.lastIndex = from ? from.f.end + 1 : 0;
          const m = re.exec(text);
          return m ? result({ start: m.index, end: m.index + m[0].length - 1 }) : null;
        },
      }),
      newRange: () => {
        let range: [number, number] = [0, 0];
        const builder = {
          addElement: (_e: unknown, start: number, end: number) => {
            range = [start, end];
            return builder;
          },
          build: () => range,
        };
        return builder;
      },
      setSelection: (range: [number, number]) => void selections.push(range),
    };
    return {
      app: { getActiveDocument: () => doc } as unknown as GoogleAppsScript.Document.DocumentApp,
      selections,
    };
  }

  it('selects the n-th literal occurrence of a passage', () => {
    const { app, selections } = documentApp('Dr. Delgado (MD) saw him. Dr. Delgado (MD) left.');
    const active = activeDocument(app);
    expect(active.id()).toBe('doc-1');
    expect(active.select('Dr. Delgado (MD)', 1)).toBe(true);
    expect(selections).toEqual([[26, 41]]);
    expect(active.select('Dr. Delgado (MD)', 2)).toBe(false);
    expect(literalPattern('a.b*(c)[d]')).toBe('a\\.b\\*\\(c\\)\\[d\\]');
  });
});
