/**
 * Letter text from files, as the checker reads it: `.docx` through mammoth (paragraphs joined by line
 * breaks, the way `docParagraphsToText` joins a Google Doc's), `.txt` as written, `.md` with its markup
 * removed. Findings' offsets point into the returned `text`; `sourceOffset` maps one back to the file
 * (identity except for Markdown), so a finding can be shown at its line in the file.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { docParagraphsToText } from '../core/check';
import { assertArchiveWithinLimits, DOCX_LIMITS } from './archive-limits';

export type LetterFormat = 'docx' | 'txt' | 'md';

export interface LetterText {
  readonly format: LetterFormat;
  readonly text: string;
  /** The file's own text (for .docx, the same as `text`). */
  readonly source: string;
  /** The offset in `source` of the character at `offset` in `text`. */
  readonly sourceOffset: (offset: number) => number;
}

/** A letter that cannot be read: the command turns it into exit status 2. */
export class UnreadableLetter extends Error {
  override readonly name = 'UnreadableLetter';
}

export function letterFormat(path: string): LetterFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return undefined;
}

function plain(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export async function readLetter(path: string): Promise<LetterText> {
  const format = letterFormat(path);
  if (!format) throw new UnreadableLetter(`${path}: not a .docx, .txt or .md file`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableLetter(
      code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? e})`,
    );
  }
  if (format === 'docx') {
    let raw: string;
    try {
      assertArchiveWithinLimits(bytes, DOCX_LIMITS);
    } catch (e) {
      throw new UnreadableLetter(`${path}: not a readable .docx (${(e as Error).message})`);
    }
    try {
      raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (e) {
      throw new UnreadableLetter(
        `${path}: not a readable .docx (${e instanceof Error ? e.message.split('\n')[0] : e})`,
      );
    }
    // mammoth ends every paragraph with a blank line.
    const text = docParagraphsToText(plain(raw).replace(/\n+$/, '').split('\n\n'));
    return { format, text, source: text, sourceOffset: (o) => o };
  }
  const source = plain(bytes.toString('utf8'));
  if (format === 'txt') return { format, text: source, source, sourceOffset: (o) => o };
  const { text, offsets } = markdownToText(source);
  return { format, text, source, sourceOffset: (o) => offsets[o] ?? source.length };
}

/**
 * Markdown without its markup: headings' `#`, emphasis, inline code marks, link and image syntax (the link
 * text stays), list and quote markers, rules and HTML comments. Everything a reader sees is kept, in place:
 * `offsets[i]` is where the i-th character of `text` came from. Square brackets that are not links stay,
 * so "[Name]" is still a placeholder.
 */
export function markdownToText(md: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  const hidden = new Uint8Array(md.length);
  for (const m of md.matchAll(/<!--[\s\S]*?-->/g)) hidden.fill(1, m.index!, m.index! + m[0].length);
  const keep = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (hidden[i]) continue;
      text += md[i];
      offsets.push(i);
    }
  };
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let pos = 0;
  for (const line of md.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) {
      keep(lineStart + line.length, Math.min(pos, md.length));
      continue;
    }
    const lead = /^(\s{0,3}(?:>\s?)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+)?)/.exec(line)![0]
      .length;
    let i = lineStart + lead;
    const end = lineStart + line.length;
    while (i < end) {
      const rest = md.slice(i, end);
      const link = /^!?\[([^\]\n]*)\]\([^)\n]*\)/.exec(rest);
      if (link) {
        const textStart = i + (rest.startsWith('!') ? 2 : 1);
        keep(textStart, textStart + link[1]!.length);
        i += link[0].length;
        continue;
      }
      const blank = /^_{3,}/.exec(rest);
      if (blank) {
        keep(i, i + blank[0].length);
        i += blank[0].length;
        continue;
      }
      const mark = /^(?:\*\*|__|\*|`+|~~)/.exec(rest);
      if (mark) {
        i += mark[0].length;
        continue;
      }
      // "_" marks emphasis only at a word's edge: snake_case and "___" blanks stay.
      if (rest[0] === '_' && wordChar(md[i - 1]) !== wordChar(md[i + 1])) {
        i += 1;
        continue;
      }
      keep(i, i + 1);
      i += 1;
    }
    if (end < md.length) keep(end, end + 1);
  }
  return { text, offsets };
}
