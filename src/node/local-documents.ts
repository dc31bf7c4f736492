/**
 * Letters as files: the DocumentStore and CommentStore ports over `DIR/orders/<orderId>/`, where the
 * Google shell has Docs and Drive comments.
 *
 *   document.json   what CEAD last wrote: the letter's text and hash, and the hash of the letter.docx bytes
 *   comments.json   the threads CEAD posted (open questions, check findings), with their markers
 *   letter.docx     the letter, each thread a Word comment anchored on its passage
 *   letter.html     the same letter for a browser; summary.docx the clinical experience summary
 *   checks.json     the letter check's findings
 *
 * The ports are synchronous and `.docx` writing is not, so intake only records the text here and the
 * command renders the files afterwards (`renderOrderFiles`). A letter.docx whose bytes differ from what CEAD
 * wrote has been edited (in Word or LibreOffice): its text and threads are read from the file before intake
 * runs (`prefetchEdited`), so intake sees the writers' edits and never overwrites them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/check';
import { type CommentThread, parseMarker, withCeadReply } from '../core/editing-session';
import type { DocsRequest } from '../core/letter/docs-requests';
import type { DocumentModel, OpenQuestion } from '../core/letter/model';
import { modelParagraphs } from '../core/letter/model';
import { renderHtml } from '../core/letter/render-html';
import type { Clock, CommentStore, DocumentRef, DocumentStore } from '../core/ports';
import { writeFileAtomic } from './atomic-file';
import { DocxError, readDocxThreads } from './docx-comments';
import { documentDocx } from './docx-letter';
import { DamagedFile, type DocumentRecord, damageIn, readDocumentRecord } from './folder-records';
import { orderDir } from './folder-store';
import { readLetter, UnreadableLetter } from './letter-readers';
import { xmlSafe } from './xml-safe';

export const LETTER_FILES = {
  letterDocx: 'letter.docx',
  letterHtml: 'letter.html',
  summaryDocx: 'summary.docx',
  checks: 'checks.json',
} as const;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Applies the text edits of a Docs batch to a body held as plain text (without Docs' final newline).
 * Styles, bullets and named ranges have no meaning in a text record and are skipped.
 */
export function applyTextRequests(text: string, requests: readonly DocsRequest[]): string {
  let body = text;
  for (const r of requests) {
    if (r.insertText) {
      const at = r.insertText.location ? r.insertText.location.index - 1 : body.length;
      if (at < 0 || at > body.length) throw new Error(`Index ${at + 1} is outside the document`);
      body = body.slice(0, at) + r.insertText.text + body.slice(at);
    } else if (r.deleteContentRange) {
      const { startIndex, endIndex } = r.deleteContentRange.range;
      body = body.slice(0, startIndex - 1) + body.slice(endIndex - 1);
    }
  }
  return body;
}

/** The relative link the tracker shows for an order's letter (relative to the folder tracker.xlsx is in). */
export function letterLink(orderId: string): string {
  return `orders/${orderId}/${LETTER_FILES.letterDocx}`;
}

export class LocalDocuments implements DocumentStore {
  /** Documents written or replaced since the last `takeWritten`: their files must be rendered. */
  private readonly written = new Set<string>();
  private readonly editedText = new Map<string, string>();
  private readonly editedThreads = new Map<string, CommentThread[]>();
  private readonly unreadable = new Map<string, string>();
  private readonly fileHashes = new Map<string, string | null>();

  constructor(private readonly root: string) {}

  private recordPath(id: string): string {
    return join(orderDir(this.root, id), 'document.json');
  }

  record(id: string): DocumentRecord | undefined {
    const path = this.recordPath(id);
    if (!existsSync(path)) return undefined;
    const read = readDocumentRecord(readFileSync(path, 'utf8'), id);
    if (!read.ok) throw new DamagedFile('document.json', read.why);
    return read.value;
  }

  /** Why the order's document.json cannot be read, or undefined when it can (or there is none). */
  damage(id: string): DamagedFile | undefined {
    return damageIn(() => this.record(id));
  }

  private save(record: DocumentRecord): void {
    writeFileAtomic(this.recordPath(record.id), `${JSON.stringify(record, null, 2)}\n`);
  }

  private need(id: string): DocumentRecord {
    const r = this.record(id);
    if (!r) throw new Error(`Requested entity was not found: document ${id}`);
    return r;
  }

  private ref(r: DocumentRecord): DocumentRef {
    return { id: r.id, url: letterLink(r.id), letterHash: r.letterHash };
  }

  findByOrder(orderId: string): DocumentRef | undefined {
    const r = this.record(orderId);
    return r ? this.ref(r) : undefined;
  }

  create(orderId: string, title: string, letterHash: string): DocumentRef {
    const record: DocumentRecord = { id: orderId, title, letterHash, text: '', fileHash: null };
    this.save(record);
    return this.ref(record);
  }

  text(docId: string): string {
    const r = this.need(docId);
    if (!this.isEdited(docId)) return r.text;
    const edited = this.editedText.get(docId);
    const why = this.unreadable.get(docId);
    if (why !== undefined) throw new Error(`letter.docx was edited and cannot be read (${why})`);
    if (edited === undefined) throw new Error(`${letterLink(docId)} was edited and has not been read`);
    return edited;
  }

  write(docId: string, requests: readonly DocsRequest[]): void {
    const r = this.need(docId);
    this.save({ ...r, text: applyTextRequests(r.text, requests) });
    this.written.add(docId);
  }

  replace(
    docId: string,
    requests: readonly DocsRequest[],
    letterHash: string,
    unchanged?: (currentText: string) => boolean,
  ): boolean {
    const r = this.need(docId);
    if (unchanged && !unchanged(this.text(docId))) return false;
    this.save({ ...r, text: applyTextRequests('', requests), letterHash });
    this.written.add(docId);
    return true;
  }

  /** The documents written or replaced since the last call, in the order they were first written. */
  takeWritten(): string[] {
    const ids = [...this.written];
    this.written.clear();
    return ids;
  }

  /** The hash of letter.docx as it is on disk now, or null when there is none. */
  private currentFileHash(docId: string): string | null {
    if (!this.fileHashes.has(docId)) {
      const path = join(orderDir(this.root, docId), LETTER_FILES.letterDocx);
      this.fileHashes.set(docId, existsSync(path) ? sha256(readFileSync(path)) : null);
    }
    return this.fileHashes.get(docId) ?? null;
  }

  /** Whether letter.docx differs from what CEAD wrote: someone edited it (or its comments). */
  isEdited(docId: string): boolean {
    const r = this.record(docId);
    if (!r || r.fileHash === null) return false;
    const now = this.currentFileHash(docId);
    return now !== null && now !== r.fileHash;
  }

  /** Whether the files of a document still have to be rendered (a run stopped before rendering them). */
  isUnrendered(docId: string): boolean {
    const r = this.record(docId);
    return r !== undefined && r.text !== '' && r.fileHash === null;
  }

  /** Reads the text and threads of every edited letter.docx among `docIds`, so the ports can answer. */
  async prefetchEdited(docIds: Iterable<string>): Promise<string[]> {
    const edited: string[] = [];
    for (const id of docIds) {
      if (!this.isEdited(id)) continue;
      const path = join(orderDir(this.root, id), LETTER_FILES.letterDocx);
      try {
        this.editedText.set(id, (await readLetter(path)).text);
        this.editedThreads.set(id, await readDocxThreads(readFileSync(path)));
        edited.push(id);
      } catch (e) {
        // One damaged file is that order's problem: it is kept as it is, and every other order goes on.
        if (!(e instanceof UnreadableLetter || e instanceof DocxError)) throw e;
        this.unreadable.set(id, e.message.replace(`${path}: `, ''));
      }
    }
    return edited;
  }

  /** The edited letters `prefetchEdited` could not read, with why (one phrase each), by document ID. */
  unreadableLetters(): ReadonlyMap<string, string> {
    return this.unreadable;
  }

  /** The threads read from an edited letter.docx, if it was prefetched. */
  threadsInFile(docId: string): readonly CommentThread[] | undefined {
    return this.isEdited(docId) ? this.editedThreads.get(docId) : undefined;
  }

  markRendered(docId: string, letterBytes: Uint8Array): void {
    const r = this.need(docId);
    const hash = sha256(letterBytes);
    this.fileHashes.set(docId, hash);
    this.save({ ...r, fileHash: hash });
    this.written.delete(docId);
  }
}

/**
 * Comment threads kept in comments.json. For a letter.docx edited outside CEAD, the threads in the file
 * come first (they carry the candidate's and the team's replies); threads CEAD posted since are added.
 */
export class LocalComments implements CommentStore {
  constructor(
    private readonly root: string,
    private readonly docs: LocalDocuments,
    private readonly clock: Clock,
  ) {}

  private path(docId: string): string {
    return join(orderDir(this.root, docId), 'comments.json');
  }

  stored(docId: string): CommentThread[] {
    const path = this.path(docId);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CommentThread[]) : [];
  }

  list(docId: string): readonly CommentThread[] {
    const stored = this.stored(docId);
    const inFile = this.docs.threadsInFile(docId);
    if (!inFile) return stored;
    const key = (t: CommentThread) => parseMarker(t.text) ?? t.text.trim();
    const seen = new Set(inFile.map((t) => JSON.stringify(key(t))));
    return [...inFile, ...stored.filter((t) => !seen.has(JSON.stringify(key(t))))];
  }

  post(docId: string, text: string, quoted?: string): string {
    const threads = this.stored(docId);
    const id = `c${threads.length + 1}`;
    threads.push({
      id,
      author: { name: 'CEAD', me: true },
      time: this.clock.now(),
      text,
      ...(quoted !== undefined ? { quoted } : {}),
      anchored: quoted !== undefined,
      resolved: false,
      replies: [],
    });
    writeFileAtomic(this.path(docId), `${JSON.stringify(threads, null, 2)}\n`);
    return id;
  }

  reply(docId: string, threadId: string, text: string, action?: 'resolve' | 'reopen'): void {
    const threads = this.stored(docId);
    const i = threads.findIndex((t) => t.id === threadId);
    const thread = threads[i];
    if (!thread) throw new Error(`Requested entity was not found: comment ${threadId}`);
    threads[i] = withCeadReply(thread, text, this.clock.now(), action);
    writeFileAtomic(this.path(docId), `${JSON.stringify(threads, null, 2)}\n`);
  }
}

/**
 * The model with CEAD's threads as its comments: an open question's thread keeps the question's own anchor
 * (its marker index is the question's place in the model), any other thread is anchored on the first
 * paragraph that holds its quoted passage, or on the first paragraph when none does.
 */
export function withThreadsAsComments<S extends string>(
  model: DocumentModel<S>,
  threads: readonly CommentThread[],
): DocumentModel<S> {
  const paragraphs = modelParagraphs(model);
  const first = paragraphs[0];
  const questions: OpenQuestion<S>[] = [];
  for (const thread of threads) {
    if (thread.resolved) continue;
    const marker = parseMarker(thread.text);
    const own = marker?.kind === 'q' ? model.openQuestions[marker.index - 1] : undefined;
    if (own) {
      questions.push({ ...own, question: thread.text });
      continue;
    }
    const quote = thread.quoted ?? '';
    const at =
      quote === ''
        ? -1
        : paragraphs.findIndex((p) => model.text.slice(p.range.start, p.range.end).includes(quote));
    const host = paragraphs[at] ?? first;
    if (!host || host.range.end === host.range.start) continue;
    const start =
      at >= 0
        ? host.range.start + model.text.slice(host.range.start, host.range.end).indexOf(quote)
        : host.range.start;
    const end = at >= 0 ? start + quote.length : host.range.end;
    questions.push({
      id: thread.id,
      sectionId: host.sectionId,
      quote: model.text.slice(start, end),
      question: thread.text,
      kind: 'check',
      range: { start, end },
      paragraphIndex: Math.max(at, 0),
    });
  }
  return { ...model, openQuestions: questions };
}

export interface RenderedFiles {
  /** Paths written, relative to the output folder, in a stable order. */
  readonly files: readonly string[];
  readonly letterBytes: Uint8Array;
}

/** Writes letter.docx, letter.html, summary.docx and checks.json for one order, each atomically. */
export async function renderOrderFiles(
  root: string,
  orderId: string,
  letter: DocumentModel,
  summary: DocumentModel,
  threads: readonly CommentThread[],
  checks: { readonly checkedAt: string; readonly findings: readonly Finding[] },
  now: Date,
): Promise<RenderedFiles> {
  const dir = orderDir(root, orderId);
  const options = { author: 'CEAD', date: now };
  const letterBytes = documentDocx(withThreadsAsComments(letter, threads), options);
  const summaryBytes = documentDocx(summary, options);
  writeFileAtomic(join(dir, LETTER_FILES.letterDocx), letterBytes);
  writeFileAtomic(join(dir, LETTER_FILES.letterHtml), xmlSafe(renderHtml(letter)));
  writeFileAtomic(join(dir, LETTER_FILES.summaryDocx), summaryBytes);
  writeFileAtomic(
    join(dir, LETTER_FILES.checks),
    `${JSON.stringify({ orderId, checkedAt: checks.checkedAt, findings: checks.findings }, null, 2)}\n`,
  );
  const rel = `orders/${orderId}`;
  return {
    files: Object.values(LETTER_FILES).map((f) => `${rel}/${f}`),
    letterBytes,
  };
}
