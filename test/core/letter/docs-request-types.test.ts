/**
 * The core declares its own Docs request types (importing @googleapis/docs would pull Node typings into
 * src/core). These assignments make `npm run typecheck` fail if they stop matching either official typing.
 */
import type { docs_v1 } from '@googleapis/docs';
import { composeLetter } from '../../../src/core/letter/compose';
import type {
  DocsDocumentStyle,
  DocsParagraphStyle,
  DocsRequest,
  DocsTextStyle,
} from '../../../src/core/letter/docs-requests';
import { renderDocsRequests } from '../../../src/core/letter/render-docs';
import { exampleAnswers } from '../../examples/example-answers';

function asNodeRequests(requests: readonly DocsRequest[]): docs_v1.Schema$Request[] {
  const typed: docs_v1.Schema$Request[] = [...requests];
  return typed;
}

function asAppsScriptRequests(requests: readonly DocsRequest[]): GoogleAppsScript.Docs.Schema.Request[] {
  const typed: GoogleAppsScript.Docs.Schema.Request[] = [...requests];
  return typed;
}

// Assignability alone would accept a misspelled extra key, so also require every key to exist officially.
type KeysKnown<A, B> = [Exclude<keyof A, keyof B>] extends [never] ? true : false;
type Body<K extends keyof DocsRequest> = NonNullable<DocsRequest[K]>;
const keysKnown: true[] = [
  true satisfies KeysKnown<DocsRequest, docs_v1.Schema$Request>,
  true satisfies KeysKnown<Body<'insertText'>, docs_v1.Schema$InsertTextRequest>,
  true satisfies KeysKnown<Body<'deleteContentRange'>, docs_v1.Schema$DeleteContentRangeRequest>,
  true satisfies KeysKnown<Body<'updateTextStyle'>, docs_v1.Schema$UpdateTextStyleRequest>,
  true satisfies KeysKnown<Body<'updateParagraphStyle'>, docs_v1.Schema$UpdateParagraphStyleRequest>,
  true satisfies KeysKnown<Body<'updateDocumentStyle'>, docs_v1.Schema$UpdateDocumentStyleRequest>,
  true satisfies KeysKnown<Body<'createNamedRange'>, docs_v1.Schema$CreateNamedRangeRequest>,
  true satisfies KeysKnown<Body<'deleteNamedRange'>, docs_v1.Schema$DeleteNamedRangeRequest>,
  true satisfies KeysKnown<Body<'replaceAllText'>, docs_v1.Schema$ReplaceAllTextRequest>,
  true satisfies KeysKnown<Body<'replaceNamedRangeContent'>, docs_v1.Schema$ReplaceNamedRangeContentRequest>,
  true satisfies KeysKnown<Body<'createParagraphBullets'>, docs_v1.Schema$CreateParagraphBulletsRequest>,
  true satisfies KeysKnown<DocsTextStyle, docs_v1.Schema$TextStyle>,
  true satisfies KeysKnown<DocsParagraphStyle, docs_v1.Schema$ParagraphStyle>,
  true satisfies KeysKnown<DocsDocumentStyle, docs_v1.Schema$DocumentStyle>,
];

// Each request kind the core can build, so a change to any one is type-checked.
const everyKind: DocsRequest[] = [
  { insertText: { text: 'x', location: { index: 1 } } },
  { insertText: { text: 'x', endOfSegmentLocation: {} } },
  { deleteContentRange: { range: { startIndex: 1, endIndex: 2 } } },
  {
    updateTextStyle: {
      range: { startIndex: 1, endIndex: 2 },
      textStyle: {
        bold: true,
        fontSize: { magnitude: 11, unit: 'PT' },
        weightedFontFamily: { fontFamily: 'Times New Roman' },
        backgroundColor: { color: { rgbColor: { red: 1, green: 1, blue: 0 } } },
        baselineOffset: 'NONE',
      },
      fields: 'bold,fontSize,weightedFontFamily,backgroundColor,baselineOffset',
    },
  },
  {
    updateParagraphStyle: {
      range: { startIndex: 1, endIndex: 2 },
      paragraphStyle: {
        namedStyleType: 'HEADING_2',
        alignment: 'START',
        spaceBelow: { magnitude: 8, unit: 'PT' },
      },
      fields: 'namedStyleType,alignment,spaceBelow',
    },
  },
  {
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: { magnitude: 612, unit: 'PT' }, height: { magnitude: 792, unit: 'PT' } },
        marginTop: { magnitude: 72, unit: 'PT' },
      },
      fields: 'pageSize,marginTop',
    },
  },
  { createNamedRange: { name: 'cead:x', range: { startIndex: 1, endIndex: 2 } } },
  { deleteNamedRange: { name: 'cead:x' } },
  { replaceAllText: { containsText: { text: 'a', matchCase: true }, replaceText: 'b' } },
  { replaceNamedRangeContent: { namedRangeName: 'cead:x', text: 'y' } },
  {
    createParagraphBullets: {
      range: { startIndex: 1, endIndex: 2 },
      bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE',
    },
  },
];

describe('Docs request types', () => {
  it('are accepted where @googleapis/docs and the Apps Script Docs service expect requests', () => {
    const requests = renderDocsRequests(composeLetter(exampleAnswers('rosa-delgado')));
    expect(keysKnown.every(Boolean)).toBe(true);
    expect(asNodeRequests(requests)).toHaveLength(requests.length);
    expect(asAppsScriptRequests([...requests, ...everyKind])).toHaveLength(
      requests.length + everyKind.length,
    );
  });
});
