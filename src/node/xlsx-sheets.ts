/**
 * A few sheets of an `.xlsx` file, read as plain rows with exceljs's streaming reader, so a tracker of
 * 10,000 orders and their responses is never held as a workbook of cell objects (reading it whole took
 * about 500 MB). Only the sheets asked for are kept, as plain values; the others are parsed and dropped.
 *
 * The streaming reader parses a sheet as it arrives only once it has read the shared strings and the
 * workbook's parts; Excel and exceljs write those after the sheets, and the reader would then copy every
 * sheet to a temporary file (candidates' answers in the system's temp folder). So the archive is streamed
 * to it again with those parts first: entries are inflated one at a time as the reader asks for them.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** One row as read: its number in the sheet and its cells from column A, as exceljs gives them. */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly ExcelJS.CellValue[];
}

const FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
// A workbook without shared strings (CEAD writes its text inline) still needs the part for the reader to
// parse sheets as they stream.
const NO_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/** The archive again, uncompressed, with the parts the reader needs before the sheets, then the sheets. */
async function partsFirst(bytes: Uint8Array): Promise<PassThrough> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of FIRST) {
    const part = source.file(name);
    if (part) out.file(name, part.nodeStream());
    else if (name === 'xl/sharedStrings.xml') out.file(name, NO_SHARED_STRINGS);
  }
  for (const part of source.file(/^xl\/worksheets\/sheet\d+\.xml$/)) out.file(part.name, part.nodeStream());
  // JSZip's stream is an old-style one; a PassThrough gives the reader a stream of today's Node.
  return out.generateNodeStream({ compression: 'STORE', streamFiles: true }).pipe(new PassThrough());
}

/**
 * The rows of the sheets named in `names`, by sheet name (a sheet the file lacks is absent). Throws when
 * the file is not a readable workbook; the caller has checked the archive's limits.
 */
export async function readSheets(
  bytes: Uint8Array,
  names: readonly string[],
): Promise<Map<string, SheetRow[]>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await partsFirst(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles carry the number formats that make a number a date.
    styles: 'cache',
    entries: 'ignore',
  });
  const out = new Map<string, SheetRow[]>();
  for await (const sheet of reader) {
    // exceljs 4.4 sets the sheet's name from workbook.xml (lib/stream/xlsx/workbook-reader.js) but does
    // not declare it in its typings.
    const name = (sheet as unknown as { name?: string }).name ?? '';
    const wanted = names.includes(name) && !out.has(name);
    const rows: SheetRow[] = [];
    for await (const row of sheet) {
      if (!wanted) continue;
      const values = Array.isArray(row.values) ? row.values : [];
      // `values` is 1-based: index 0 is always empty.
      rows.push({ number: row.number, cells: Array.from(values.slice(1), (v) => v ?? null) });
    }
    if (wanted) out.set(name, rows);
  }
  return out;
}
