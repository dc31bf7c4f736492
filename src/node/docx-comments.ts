/**
 * Reads the comment threads of a `.docx` as Word and LibreOffice write them, so a team working outside
 * Workspace can run editing sessions on a Word file.
 *
 * - `word/comments.xml` holds every comment and every reply as a flat list of `w:comment`.
 * - `word/commentsExtended.xml` (Word 2013+, LibreOffice 24.2+) links a reply to its parent
 *   (`w15:paraIdParent`) and marks a resolved one (`w15:done="1"`), both keyed by the `w14:paraId` of the
 *   comment's last paragraph.
 * - LibreOffice up to 7.x writes no parent link: its "Reply" makes a separate comment at the same anchor
 *   whose text starts `Reply to AUTHOR (DATE, TIME): "PARENT TEXT"` (the English UI string). Such a
 *   comment is joined to the earlier comment it quotes.
 * - The commented passage is the text between `w:commentRangeStart` and `w:commentRangeEnd` in
 *   `word/document.xml`.
 */
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { CommentThread, ThreadReply } from '../core/editing-session';
import { assertArchiveWithinLimits, DOCX_LIMITS } from './archive-limits';

const W_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
const W14_NS = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15_NS = 'http://schemas.microsoft.com/office/word/2012/wordml';

export interface WordComment {
  readonly id: string;
  readonly author: string;
  readonly date: string;
  readonly text: string;
  /** `w14:paraId` of each paragraph, in order (commentsExtended refers to the last one). */
  readonly paraIds: readonly string[];
  /** The commented passage, when the comment spans text in the document. */
  readonly range?: string;
}

export interface WordCommentEx {
  readonly paraId: string;
  readonly paraIdParent?: string;
  readonly done: boolean;
}

export class DocxError extends Error {
  override readonly name = 'DocxError';
}

function isW(node: Node, name: string): node is Element {
  return (
    node.nodeType === 1 &&
    (node as Element).localName === name &&
    W_NS.includes((node as Element).namespaceURI ?? '')
  );
}

function wAttr(el: Element, name: string): string | undefined {
  for (const ns of W_NS) {
    if (el.hasAttributeNS(ns, name)) return el.getAttributeNS(ns, name) ?? undefined;
  }
  return undefined;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** A run's visible text: `w:t`, tabs and breaks; deleted text (`w:delText`) and field codes are not shown. */
function runText(node: Node): string {
  if (isW(node, 't')) return node.textContent ?? '';
  if (isW(node, 'tab')) return '\t';
  if (isW(node, 'br') || isW(node, 'cr')) return '\n';
  if (isW(node, 'instrText') || isW(node, 'delText')) return '';
  return children(node).map(runText).join('');
}

function parse(xml: string, part: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') errors.push(String(message));
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc.documentElement) throw new DocxError(`${part} is not well-formed XML`);
  return doc;
}

function elements(doc: Document, name: string): Element[] {
  return W_NS.flatMap((ns) => Array.from(doc.getElementsByTagNameNS(ns, name)));
}

export function parseComments(xml: string): Omit<WordComment, 'range'>[] {
  const doc = parse(xml, 'word/comments.xml');
  return elements(doc, 'comment').map((c) => {
    const paragraphs = Array.from(c.childNodes).filter((n) => isW(n, 'p')) as Element[];
    return {
      id: wAttr(c, 'id') ?? '',
      author: wAttr(c, 'author') ?? '',
      date: wAttr(c, 'date') ?? '',
      text: paragraphs.map(runText).join('\n').replace(/\n+$/, ''),
      paraIds: paragraphs.map((p) => p.getAttributeNS(W14_NS, 'paraId') ?? '').filter((id) => id !== ''),
    };
  });
}

export function parseCommentsExtended(xml: string): WordCommentEx[] {
  const doc = parse(xml, 'word/commentsExtended.xml');
  return Array.from(doc.getElementsByTagNameNS(W15_NS, 'commentEx')).map((e) => {
    const parent = e.getAttributeNS(W15_NS, 'paraIdParent');
    const done = e.getAttributeNS(W15_NS, 'done');
    return {
      paraId: e.getAttributeNS(W15_NS, 'paraId') ?? '',
      ...(parent ? { paraIdParent: parent } : {}),
      done: done === '1' || done === 'true',
    };
  });
}

/** The text each comment spans in document.xml, by comment id. */
export function parseCommentRanges(xml: string): Map<string, string> {
  const doc = parse(xml, 'word/document.xml');
  const open = new Map<string, string[]>();
  const done = new Map<string, string>();
  const walk = (node: Node) => {
    if (isW(node, 'commentRangeStart')) {
      open.set(wAttr(node, 'id') ?? '', []);
      return;
    }
    if (isW(node, 'commentRangeEnd')) {
      const id = wAttr(node, 'id') ?? '';
      const parts = open.get(id);
      if (parts) done.set(id, parts.join('').replace(/\s+/g, ' ').trim());
      open.delete(id);
      return;
    }
    if (isW(node, 't') || isW(node, 'tab') || isW(node, 'br')) {
      const text = runText(node);
      for (const parts of open.values()) parts.push(text);
      return;
    }
    if (isW(node, 'delText') || isW(node, 'instrText')) return;
    for (const c of children(node)) walk(c);
    if (isW(node, 'p')) for (const parts of open.values()) parts.push('\n');
  };
  walk(doc.documentElement);
  return done;
}

const LO_REPLY = /^Reply to (.+?) \(([^)]*)\): "/;

/** LibreOffice's reply text without its `Reply to … "parent"` preface, when it quotes `parent`. */
function stripLibreOfficeReply(text: string, parent: { author: string; text: string }): string | undefined {
  const m = LO_REPLY.exec(text);
  if (!m || m[1] !== parent.author) return undefined;
  const rest = text.slice(m[0].length);
  // LibreOffice quotes the parent's whole text, or "..." when it was empty.
  for (const quoted of [parent.text, '...']) {
    if (rest.startsWith(`${quoted}"`)) return rest.slice(quoted.length + 1).replace(/^\n/, '');
  }
  return undefined;
}

/** Groups flat Word comments into threads: a root comment and its replies, oldest first. */
export function threadsFromWordComments(
  comments: readonly WordComment[],
  extended: readonly WordCommentEx[],
): CommentThread[] {
  const byPara = new Map<string, WordComment>();
  for (const c of comments) for (const p of c.paraIds) byPara.set(p, c);
  const exOf = (c: WordComment) => {
    const last = c.paraIds[c.paraIds.length - 1];
    return extended.find((e) => e.paraId === last) ?? extended.find((e) => c.paraIds.includes(e.paraId));
  };
  const parentOf = new Map<WordComment, WordComment>();
  comments.forEach((c, i) => {
    const ex = exOf(c);
    const linked = ex?.paraIdParent ? byPara.get(ex.paraIdParent) : undefined;
    if (linked && linked !== c) {
      parentOf.set(c, linked);
      return;
    }
    if (!LO_REPLY.test(c.text)) return;
    for (let j = i - 1; j >= 0; j--) {
      const earlier = comments[j]!;
      if (stripLibreOfficeReply(c.text, earlier) !== undefined) {
        parentOf.set(c, earlier);
        return;
      }
    }
  });
  const rootOf = (c: WordComment): WordComment => {
    const seen = new Set<WordComment>();
    let at = c;
    while (parentOf.has(at) && !seen.has(at)) {
      seen.add(at);
      at = parentOf.get(at)!;
    }
    return at;
  };
  const roots = comments.filter((c) => rootOf(c) === c);
  return roots.map((root) => {
    const replies = comments
      .filter((c) => c !== root && rootOf(c) === root)
      .map((c, order) => ({ c, order }))
      .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.order - b.order))
      .map(({ c }) => c);
    const last = replies[replies.length - 1];
    const resolved = Boolean(exOf(root)?.done) || Boolean(last && exOf(last)?.done);
    return {
      id: root.id,
      author: { name: root.author },
      time: root.date,
      text: root.text,
      ...(root.range ? { quoted: root.range } : {}),
      anchored: root.range !== undefined && root.range !== '',
      resolved,
      replies: replies.map(
        (r): ThreadReply => ({
          id: r.id,
          author: { name: r.author },
          time: r.date,
          text: stripLibreOfficeReply(r.text, parentOf.get(r) ?? root) ?? r.text,
        }),
      ),
    };
  });
}

/** The comment threads of a `.docx` file's bytes. A document without comments has no threads. */
export async function readDocxThreads(bytes: Uint8Array): Promise<CommentThread[]> {
  let zip: JSZip;
  try {
    assertArchiveWithinLimits(bytes, DOCX_LIMITS);
  } catch (e) {
    throw new DocxError(`not a .docx file (${(e as Error).message})`);
  }
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxError('not a .docx file (it is not a zip archive)');
  }
  const read = (path: string) => zip.file(path)?.async('string');
  const document = await read('word/document.xml');
  if (document === undefined) throw new DocxError('not a .docx file (no word/document.xml)');
  const commentsXml = await read('word/comments.xml');
  if (commentsXml === undefined) return [];
  const extendedXml = await read('word/commentsExtended.xml');
  const ranges = parseCommentRanges(document);
  const comments = parseComments(commentsXml).map((c) => {
    const range = ranges.get(c.id);
    return range !== undefined ? { ...c, range } : c;
  });
  return threadsFromWordComments(comments, extendedXml ? parseCommentsExtended(extendedXml) : []);
}
