/**
 * A file of questionnaire responses as the ResponseSource port gives them to intake: a Forms/Sheets CSV
 * export (one response per row) or an answers JSON (one object keyed by item id, or a list of them).
 *
 * Only a file that cannot be read as responses at all is refused (one line naming the file and the row or
 * item at fault); a response with missing or invalid answers is intake's to handle (NEEDS_INFO).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  blockingProblems,
  type ParsedResponse,
  type Problem,
  parseAnswersJson,
  parseResponsesCsv,
} from '../core/answers';
import { formatCsv, parseCsv } from '../core/csv';
import { orderIdFor } from '../core/orders';
import type { ResponseData } from '../core/ports';
import { zonedInstant } from './local-clock';

/** Why a file is not usable input; the message is one line naming the file and what is wrong where. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

function where(p: Problem): string {
  const at = [p.row !== undefined ? `row ${p.row}` : '', p.column !== undefined ? `column "${p.column}"` : '']
    .filter(Boolean)
    .join(', ');
  return at ? `${at}: ` : '';
}

export interface ResponseFileOptions {
  /** The team's time zone, in which a CSV's zone-less timestamps are meant. */
  readonly timeZone: string;
  /** The export's date locale (Settings "Date locale"). */
  readonly locale: string;
  /** Now, ISO instant: the version of a response that carries no timestamp and has no order yet. */
  readonly now: string;
  /** The `submitted` of existing orders by order ID, so a re-run of a timestamp-less file is not an edit. */
  readonly submittedOf: (orderId: string) => string | undefined;
}

function instantOf(parsed: ParsedResponse, options: ResponseFileOptions): string {
  if (parsed.submitted !== undefined) {
    const s = parsed.submitted;
    if (/(Z|[+-]\d{2}:\d{2})$/i.test(s)) return new Date(s).toISOString();
    return zonedInstant(s, options.timeZone);
  }
  const before = options.submittedOf(orderIdFor(parsed.responseId));
  const known = before === undefined ? Number.NaN : Date.parse(before);
  return Number.isNaN(known) ? options.now : new Date(known).toISOString();
}

function toResponseData(parsed: ParsedResponse, options: ResponseFileOptions): ResponseData {
  return {
    responseId: parsed.responseId,
    timestamp: instantOf(parsed, options),
    respondentEmail: parsed.respondentEmail ?? '',
    editUrl: '',
    raw: parsed.raw,
  };
}

/** Nesting deeper than any answers file needs; past a few thousand levels JSON.parse overflows the stack. */
export const MAX_JSON_DEPTH = 64;

/** How deeply the JSON text nests arrays and objects (brackets inside strings do not count). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * Excel's "Unicode text" separates columns with tabs: a header line with tabs and no comma is read so
 * (quoted cells as in CSV), then given to the CSV reader in its own form.
 */
function tabsToCommas(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (!header.includes('\t') || header.includes(',')) return text;
  return formatCsv(parseCsv(text, '\t').rows);
}

/** Parses a responses file's text. Throws `InputError` when the file as a whole is unusable. */
export function parseResponseFile(name: string, text: string, options: ResponseFileOptions): ResponseData[] {
  if (extname(name).toLowerCase() === '.json') {
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      throw new InputError(
        `${name}: nested more than ${MAX_JSON_DEPTH} levels deep; an answers JSON is an object keyed by item id, or a list of them.`,
      );
    }
    let value: unknown;
    try {
      // Windows tools often start UTF-8 files with a byte-order mark, which JSON.parse refuses.
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new InputError(`${name}: not readable JSON (${why}).`);
    }
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) throw new InputError(`${name}: the list of answers is empty.`);
    return list.map((item, i) => {
      const parsed = parseAnswersJson(item, { locale: options.locale });
      const shape = parsed.problems.find((p) => p.message.startsWith('The answers are not a JSON object'));
      if (shape)
        throw new InputError(`${name}: ${Array.isArray(value) ? `item ${i + 1}: ` : ''}${shape.message}`);
      return toResponseData(parsed, options);
    });
  }
  const csv = parseResponsesCsv(tabsToCommas(text), { locale: options.locale });
  const fatal = blockingProblems(csv.problems)[0];
  if (fatal) throw new InputError(`${name}: ${where(fatal)}${fatal.message}`);
  if (csv.responses.length === 0) throw new InputError(`${name}: the file has a header but no responses.`);
  return csv.responses.map((r) => toResponseData(r, options));
}

export function readResponseFile(
  path: string,
  shownAs: string,
  options: ResponseFileOptions,
): ResponseData[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${shownAs}: no such file.` : `${shownAs}: cannot be read (${code ?? String(e)}).`,
    );
  }
  return parseResponseFile(shownAs, decodeText(bytes, shownAs), options);
}

/**
 * A text file's bytes as text: UTF-8 (with or without a byte-order mark), or UTF-16 as Excel's "Unicode
 * text" and some Windows tools write it, known by its byte-order mark or, without one, by the zero byte of
 * every ASCII character. Other zero bytes mean a file that is not text at all.
 */
export function decodeText(bytes: Buffer, shownAs: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return swapBytes(bytes.subarray(2)).toString('utf16le');
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const half = sample.length / 2;
  if (bytes.length % 2 === 0 && oddZeros > half * 0.3 && evenZeros === 0) return bytes.toString('utf16le');
  if (bytes.length % 2 === 0 && evenZeros > half * 0.3 && oddZeros === 0)
    return swapBytes(bytes).toString('utf16le');
  if (evenZeros + oddZeros > 0 || bytes.includes(0)) {
    throw new InputError(
      `${shownAs}: holds zero bytes, so it is not a text file (save it as CSV UTF-8, or export the answers as JSON).`,
    );
  }
  return bytes.toString('utf8');
}

function swapBytes(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16();
}
