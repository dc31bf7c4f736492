/**
 * The Sheets advanced service (API v4), narrowed to what the tracker adapter sends. The tracker is read and
 * written through it rather than SpreadsheetApp because one `values.batchGet` reads every sheet an
 * execution needs and one `values.batchUpdate` writes rows of several sheets at once (atomically), and
 * because `RAW` input stores a candidate's `=…` as the text it is, with no apostrophe to add or strip.
 */

/** A cell as the values API carries it: text, number (dates as serial numbers) or boolean. */
export type SheetsCell = string | number | boolean;

export interface ValueRange {
  readonly range: string;
  readonly majorDimension?: 'ROWS';
  /** Rows without their trailing empty cells; absent when the range is empty. */
  readonly values?: readonly (readonly SheetsCell[])[];
}

export interface SheetProperties {
  readonly sheetId?: number;
  readonly title?: string;
  readonly gridProperties?: { readonly rowCount?: number; readonly columnCount?: number };
}

/** 0-based, end-exclusive, as the API's `GridRange`. */
export interface GridRange {
  readonly sheetId: number;
  readonly startRowIndex?: number;
  readonly endRowIndex?: number;
  readonly startColumnIndex?: number;
  readonly endColumnIndex?: number;
}

export type SheetsRequest =
  | {
      readonly appendDimension: {
        readonly sheetId: number;
        readonly dimension: 'ROWS' | 'COLUMNS';
        readonly length: number;
      };
    }
  | {
      readonly repeatCell: {
        readonly range: GridRange;
        readonly cell: {
          readonly userEnteredFormat: {
            readonly numberFormat: { readonly type: 'DATE'; readonly pattern: string };
          };
        };
        readonly fields: 'userEnteredFormat.numberFormat';
      };
    };

export interface SheetsV4 {
  readonly Spreadsheets: {
    readonly Values: {
      batchGet(
        spreadsheetId: string,
        options: {
          readonly ranges: readonly string[];
          readonly valueRenderOption: 'UNFORMATTED_VALUE';
          readonly dateTimeRenderOption: 'SERIAL_NUMBER';
        },
      ): { readonly valueRanges?: readonly ValueRange[] };
      batchUpdate(
        resource: { readonly valueInputOption: 'RAW'; readonly data: readonly ValueRange[] },
        spreadsheetId: string,
      ): unknown;
    };
    get(
      spreadsheetId: string,
      options: { readonly fields: string },
    ): { readonly sheets?: readonly { readonly properties?: SheetProperties }[] };
    batchUpdate(resource: { readonly requests: readonly SheetsRequest[] }, spreadsheetId: string): unknown;
  };
}

/** The global `Sheets` advanced service. Read at call time, never at load (`onOpen` runs without it). */
export function sheetsV4(): SheetsV4 {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new Error(
      'The Sheets advanced service is not enabled in this project: push appsscript.json again (npm run push).',
    );
  }
  return Sheets as unknown as SheetsV4;
}
