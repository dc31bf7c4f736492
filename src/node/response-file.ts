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

/** Parses a responses file's text. Throws `InputError` when the file as a whole is unusable. */
export function parseResponseFile(name: string, text: string, options: ResponseFileOptions): ResponseData[] {
  if (extname(name).toLowerCase() === '.json') {
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
  const csv = parseResponsesCsv(text, { locale: options.locale });
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${shownAs}: no such file.` : `${shownAs}: cannot be read (${code ?? String(e)}).`,
    );
  }
  return parseResponseFile(shownAs, text, options);
}
