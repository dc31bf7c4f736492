/** Named ranges and page size of a Doc, from one Docs API `documents.get` (advanced service `Docs`). */
import type { DocsRange } from '../core/letter/docs-requests';
import type { DocStructure } from './sidebar-server';

/** The part of the Docs advanced service this adapter uses. */
export interface DocsGet {
  Documents: { get(documentId: string, options?: Record<string, unknown>): unknown };
}

interface DocumentShape {
  namedRanges?: Record<
    string,
    { namedRanges?: { ranges?: { startIndex?: number; endIndex?: number; segmentId?: string }[] }[] }
  >;
  documentStyle?: { pageSize?: { width?: { magnitude?: number }; height?: { magnitude?: number } } };
}

export function docStructure(docs: DocsGet = Docs as unknown as DocsGet): DocStructure {
  const get = (docId: string) => docs.Documents.get(docId) as DocumentShape;
  return {
    namedRanges(docId, name) {
      const entry = get(docId).namedRanges?.[name];
      return (entry?.namedRanges ?? []).flatMap((n) =>
        (n.ranges ?? []).map(
          (r): DocsRange => ({
            // The API leaves out a zero startIndex, as it leaves out every default.
            startIndex: r.startIndex ?? 0,
            endIndex: r.endIndex ?? 0,
            ...(r.segmentId ? { segmentId: r.segmentId } : {}),
          }),
        ),
      );
    },
    pageSize(docId) {
      const size = get(docId).documentStyle?.pageSize;
      return { width: size?.width?.magnitude ?? 0, height: size?.height?.magnitude ?? 0 };
    },
  };
}
