/**
 * The subset of the Google Docs API v1 `batchUpdate` request JSON that CEAD sends.
 *
 * Declared here rather than imported from `@googleapis/docs` because even a type-only import of that package
 * pulls Node's typings into the core (it references `stream` and `Buffer`), which would let Node globals
 * compile in src/core. `test/core/letter/docs-request-types.test.ts` assigns these types to both official
 * typings (`docs_v1.Schema$Request` and `GoogleAppsScript.Docs.Schema.Request`), so tsc fails if they drift.
 * Field names and shapes follow developers.google.com/docs/api/reference/rest/v1/documents/request.
 */

export interface DocsRange {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly segmentId?: string;
}

export interface DocsDimension {
  readonly magnitude: number;
  readonly unit: 'PT';
}

export interface DocsRgbColor {
  readonly red?: number;
  readonly green?: number;
  readonly blue?: number;
}

export interface DocsOptionalColor {
  readonly color?: { readonly rgbColor?: DocsRgbColor };
}

export interface DocsTextStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strikethrough?: boolean;
  readonly smallCaps?: boolean;
  readonly fontSize?: DocsDimension;
  readonly weightedFontFamily?: { readonly fontFamily: string; readonly weight?: number };
  readonly foregroundColor?: DocsOptionalColor;
  readonly backgroundColor?: DocsOptionalColor;
  readonly baselineOffset?: 'NONE' | 'SUPERSCRIPT' | 'SUBSCRIPT';
}

export type DocsNamedStyleType =
  | 'NORMAL_TEXT'
  | 'TITLE'
  | 'SUBTITLE'
  | 'HEADING_1'
  | 'HEADING_2'
  | 'HEADING_3'
  | 'HEADING_4'
  | 'HEADING_5'
  | 'HEADING_6';

export interface DocsParagraphStyle {
  readonly namedStyleType?: DocsNamedStyleType;
  readonly alignment?: 'START' | 'CENTER' | 'END' | 'JUSTIFIED';
  readonly lineSpacing?: number;
  readonly spaceAbove?: DocsDimension;
  readonly spaceBelow?: DocsDimension;
  readonly indentStart?: DocsDimension;
  readonly indentFirstLine?: DocsDimension;
  readonly indentEnd?: DocsDimension;
  readonly keepLinesTogether?: boolean;
  readonly keepWithNext?: boolean;
  readonly avoidWidowAndOrphan?: boolean;
}

export interface DocsDocumentStyle {
  readonly pageSize?: { readonly width: DocsDimension; readonly height: DocsDimension };
  readonly marginTop?: DocsDimension;
  readonly marginBottom?: DocsDimension;
  readonly marginLeft?: DocsDimension;
  readonly marginRight?: DocsDimension;
}

export type DocsBulletPreset = 'BULLET_DISC_CIRCLE_SQUARE' | 'NUMBERED_DECIMAL_ALPHA_ROMAN';

/** One request: exactly one of these keys is set, as in the API. */
export interface DocsRequest {
  readonly insertText?: {
    readonly text: string;
    readonly location?: { readonly index: number; readonly segmentId?: string };
    readonly endOfSegmentLocation?: { readonly segmentId?: string };
  };
  readonly deleteContentRange?: { readonly range: DocsRange };
  readonly updateTextStyle?: {
    readonly range: DocsRange;
    readonly textStyle: DocsTextStyle;
    readonly fields: string;
  };
  readonly updateParagraphStyle?: {
    readonly range: DocsRange;
    readonly paragraphStyle: DocsParagraphStyle;
    readonly fields: string;
  };
  readonly updateDocumentStyle?: { readonly documentStyle: DocsDocumentStyle; readonly fields: string };
  readonly createNamedRange?: { readonly name: string; readonly range: DocsRange };
  readonly deleteNamedRange?: { readonly name?: string; readonly namedRangeId?: string };
  readonly replaceAllText?: {
    readonly containsText: { readonly text: string; readonly matchCase?: boolean };
    readonly replaceText: string;
  };
  readonly replaceNamedRangeContent?: {
    readonly namedRangeName?: string;
    readonly namedRangeId?: string;
    readonly text: string;
  };
  readonly createParagraphBullets?: { readonly range: DocsRange; readonly bulletPreset: DocsBulletPreset };
}

export const pt = (magnitude: number): DocsDimension => ({ magnitude, unit: 'PT' });
