/**
 * CSV as RFC 4180 describes it and as Google Forms and Sheets write it: fields separated by commas, records
 * by CRLF or LF (a lone CR too), fields in double quotes may hold commas, line breaks and doubled quotes
 * (`""`). A leading byte-order mark is dropped; a last record without a line break is still a record.
 *
 * Parsing never throws. Where the text breaks the grammar the parser keeps every character and says so:
 * a quote that is never closed yields the rest of the text as one cell; text after a closing quote is kept
 * in the same cell. Rows are returned as read: ragged lengths and blank lines are the caller's to judge.
 */

export interface CsvProblem {
  /** 1-based record number (the spreadsheet row: the header is row 1). */
  readonly row: number;
  readonly message: string;
}

export interface CsvResult {
  readonly rows: string[][];
  readonly problems: CsvProblem[];
}

export function parseCsv(text: string, delimiter = ','): CsvResult {
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  let row: string[] = [];
  let cell = '';
  let i = 0;
  // Whether the current record has any content yet; an empty final line is not a record.
  let started = false;

  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
    started = false;
  };

  while (i < n) {
    const c = s[i]!;
    if (c === '"' && cell === '' && isCellStart(s, i, delimiter)) {
      started = true;
      const startRow = rows.length + 1;
      i++;
      let closed = false;
      while (i < n) {
        const q = s.indexOf('"', i);
        if (q === -1) {
          cell += s.slice(i);
          i = n;
          break;
        }
        cell += s.slice(i, q);
        if (s[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          closed = true;
          break;
        }
      }
      if (!closed) {
        problems.push({
          row: startRow,
          message: 'A quoted cell is never closed; the rest of the file was read as one cell.',
        });
        continue;
      }
      // RFC 4180 allows only a delimiter or a line break after the closing quote; keep anything else.
      const next = s[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        problems.push({
          row: startRow,
          message: 'Text follows a closing quote; it was kept in the same cell.',
        });
      }
      continue;
    }
    if (c === delimiter) {
      started = true;
      endCell();
      i++;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      // The rest of an unquoted cell, up to its delimiter or line end, as one slice: adding it a character
      // at a time built a rope of one node per character (a 27 MB export took 220 MB as rows).
      started = true;
      const end = unquotedEnd(s, i, delimiter);
      cell += s.slice(i, end);
      i = end;
    }
  }
  if (started || cell !== '' || row.length > 0) endRow();
  return { rows, problems };
}

/** Where the unquoted text from `i` ends: at the next delimiter or line break, or the end of `s`. */
function unquotedEnd(s: string, i: number, delimiter: string): number {
  let j = i + 1;
  while (j < s.length) {
    const c = s[j];
    if (c === delimiter || c === '\n' || c === '\r') break;
    j++;
  }
  return j;
}

// A quote opens a quoted cell only at the start of a cell; elsewhere (`5" tall`) it is a literal character.
function isCellStart(s: string, i: number, delimiter: string): boolean {
  if (i === 0) return true;
  const prev = s[i - 1];
  return prev === delimiter || prev === '\n' || prev === '\r';
}

/** Writes rows as CSV with CRLF line ends, quoting a cell only when it needs it. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  const special = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : escapeRegExp(delimiter)}]`);
  return rows
    .map((r) =>
      r
        .map((cell) =>
          special.test(cell) || (r.length === 1 && cell === '') ? `"${cell.replace(/"/g, '""')}"` : cell,
        )
        .join(delimiter),
    )
    .join('\r\n')
    .concat(rows.length > 0 ? '\r\n' : '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
