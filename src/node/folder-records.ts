/**
 * Checked readers for the per-order JSON files of the folder (responses/<id>.json, document.json,
 * sharing.json). Any of them may have been damaged outside CEAD (a sync tool, a hand edit, a full disk), so
 * each is read as `unknown` and checked field by field: a file of the wrong shape is reported, never taken
 * as a record it is not. The reason is a short phrase naming what was expected, never the file's content,
 * which may hold a candidate's answers.
 */
import type { ShareRole } from '../core/ports';
import { recordFrom } from '../core/records';

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly why: string };

/** What `readResponseRecord` gives: every stored version of one response. */
export interface ResponseRecord {
  readonly responseId: string;
  readonly versions: readonly { readonly received: string; readonly raw: Readonly<Record<string, string>> }[];
}

/** What document.json holds: the letter CEAD last wrote and the hash of its letter.docx. */
export interface DocumentRecord {
  readonly id: string;
  readonly title: string;
  readonly letterHash: string;
  readonly text: string;
  /** SHA-256 of the letter.docx CEAD wrote last; null until the files are rendered. */
  readonly fileHash: string | null;
}

export interface Share {
  readonly email: string;
  readonly role: ShareRole;
}

/** A per-order file that cannot be read: it is left as it is, and its order is left for a person to see to. */
export class DamagedFile extends Error {
  override readonly name = 'DamagedFile';

  constructor(
    /** The file, relative to the order's folder (document.json) or to the output folder (responses/…). */
    readonly file: string,
    /** Why, in a few words that quote nothing from the file. */
    readonly why: string,
  ) {
    super(`${file} cannot be read (${why})`);
  }
}

/** The `DamagedFile` a read throws, or undefined when it reads; any other failure is not about the file. */
export function damageIn(read: () => unknown): DamagedFile | undefined {
  try {
    read();
    return undefined;
  } catch (e) {
    if (e instanceof DamagedFile) return e;
    throw e;
  }
}

const ROLES: readonly ShareRole[] = ['writer', 'commenter', 'reader'];

function refused<T>(why: string): Checked<T> {
  return { ok: false, why };
}

/** JSON text as an unknown value; the parser's own message is left out, as it quotes the text. */
function parsed(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return refused('not readable JSON');
  }
}

/** A JSON object (not an array), or undefined. */
function objectOf(value: unknown): object | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** An own property of a parsed object: never one inherited from Object.prototype. */
function own(value: object | undefined, key: string): unknown {
  return value === undefined ? undefined : Object.getOwnPropertyDescriptor(value, key)?.value;
}

/** A record of strings, each key kept as an own property (`__proto__` is an answer like any other). */
function stringRecord(value: unknown): Record<string, string> | undefined {
  const object = objectOf(value);
  if (!object) return undefined;
  const entries: [string, string][] = [];
  for (const [k, v] of Object.entries(object)) {
    if (typeof v !== 'string') return undefined;
    entries.push([k, v]);
  }
  return recordFrom(entries);
}

/**
 * responses/<file>.json. `belongs` says whether the response ID the file holds is the one expected there
 * (file names of long IDs are hashes, so the file keeps the ID itself).
 */
export function readResponseRecord(
  text: string,
  belongs: (responseId: string) => boolean,
): Checked<ResponseRecord> {
  const json = parsed(text);
  if (!json.ok) return json;
  const file = objectOf(json.value);
  const id = own(file, 'responseId');
  const list = own(file, 'versions');
  if (typeof id !== 'string' || !Array.isArray(list)) return refused('not a response record');
  if (!belongs(id)) return refused('it holds another response');
  const versions: ResponseRecord['versions'][number][] = [];
  for (const item of list) {
    const version = objectOf(item);
    const received = own(version, 'received');
    const raw = stringRecord(own(version, 'raw'));
    if (typeof received !== 'string' || !raw) return refused('not a response record');
    versions.push({ received, raw });
  }
  return { ok: true, value: { responseId: id, versions } };
}

/** orders/<id>/document.json, which must be the record of document `id`. */
export function readDocumentRecord(text: string, id: string): Checked<DocumentRecord> {
  const json = parsed(text);
  if (!json.ok) return json;
  const r = objectOf(json.value);
  const [recordId, title, letterHash, body, fileHash] = ['id', 'title', 'letterHash', 'text', 'fileHash'].map(
    (k) => own(r, k),
  );
  if (
    typeof recordId !== 'string' ||
    typeof title !== 'string' ||
    typeof letterHash !== 'string' ||
    typeof body !== 'string' ||
    (fileHash !== null && typeof fileHash !== 'string')
  )
    return refused('not a document record');
  if (recordId !== id) return refused('it is the record of another document');
  return { ok: true, value: { id, title, letterHash, text: body, fileHash } };
}

/** orders/<id>/sharing.json: a list of `{email, role}`. */
export function readShares(text: string): Checked<readonly Share[]> {
  const json = parsed(text);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) return refused('not a list of shares');
  const shares: Share[] = [];
  for (const item of json.value) {
    const s = objectOf(item);
    const email = own(s, 'email');
    const role = ROLES.find((r) => r === own(s, 'role'));
    if (typeof email !== 'string' || role === undefined) return refused('not a list of shares');
    shares.push({ email, role });
  }
  return { ok: true, value: shares };
}
