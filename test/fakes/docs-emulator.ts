/**
 * An in-memory Google Docs emulator: applies `documents.batchUpdate` requests the way the Docs API does, so
 * that a request list that passes here means something. It enforces the rules that bite (platform.md):
 * indices are UTF-16 code units and the body starts at index 1; inserted control and private-use characters
 * are stripped; a new `\n` copies the current paragraph's style; inserted text takes its neighbour's style;
 * named ranges move with insertions and deletions; style updates need a `fields` mask; a batch is atomic
 * (any invalid request leaves the document untouched); out-of-range indices fail with the API's kind of 400.
 *
 * Only the body segment exists (no headers, footers, footnotes, tables or tabs). Method shapes match the Apps
 * Script advanced service (`Docs.Documents.create(resource)`, `.get(id)`, `.batchUpdate(resource, id)`), so
 * `{ Documents: new DocsEmulator() }` can stand in for `Docs`; calls are counted and can fail on demand.
 */
import type { DocsRequest } from '../../src/core/letter/docs-requests';

type Style = Record<string, unknown>;

interface Paragraph {
  style: Style;
  bullet?: { listId: string; nestingLevel: number; preset: string };
}

interface NamedRange {
  readonly id: string;
  readonly name: string;
  start: number;
  end: number;
}

interface DocState {
  readonly documentId: string;
  title: string;
  revision: number;
  /** Body text: text[k] sits at document index k + 1. Always ends with the segment's final newline. */
  text: string;
  /** One text style per UTF-16 code unit of `text`. */
  charStyles: Style[];
  /** One entry per `\n` in `text`, in order. */
  paragraphs: Paragraph[];
  namedRanges: NamedRange[];
  documentStyle: Style;
  nextId: number;
}

/** Thrown like the API's 400 (Apps Script surfaces it as a GoogleJsonResponseException). */
export class DocsApiError extends Error {
  override readonly name = 'GoogleJsonResponseException';
  readonly code: number;
  /** The API's own message, e.g. "Invalid requests[3].insertText: Index 57 must be …". */
  readonly details: string;
  constructor(method: string, details: string, code = 400) {
    super(`API call to docs.documents.${method} failed with error: ${details}`);
    this.code = code;
    this.details = details;
  }
}

/** A request that is valid for the API but that this emulator does not implement. */
export class UnsupportedRequestError extends Error {
  override readonly name = 'UnsupportedRequestError';
}

const TEXT_STYLE_FIELDS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'smallCaps',
  'fontSize',
  'weightedFontFamily',
  'foregroundColor',
  'backgroundColor',
  'baselineOffset',
  'link',
];
const PARAGRAPH_STYLE_FIELDS = [
  'namedStyleType',
  'alignment',
  'lineSpacing',
  'direction',
  'spacingMode',
  'spaceAbove',
  'spaceBelow',
  'indentStart',
  'indentFirstLine',
  'indentEnd',
  'keepLinesTogether',
  'keepWithNext',
  'avoidWidowAndOrphan',
  'shading',
  'borderTop',
  'borderBottom',
  'borderLeft',
  'borderRight',
  'borderBetween',
  'tabStops',
  'headingId',
];
const DOCUMENT_STYLE_FIELDS = [
  'pageSize',
  'marginTop',
  'marginBottom',
  'marginLeft',
  'marginRight',
  'marginHeader',
  'marginFooter',
  'background',
  'useFirstPageHeaderFooter',
  'pageNumberStart',
];

// What the API strips from inserted text (platform.md): C0 controls except \t, \n and \v, and private use.
const STRIPPED =
  /[\u0000-\u0008\u000C-\u001F]|[\uE000-\uF8FF]|\uDB80[\uDC00-\uDFFF]|[\uDB81-\uDBBE][\uDC00-\uDFFF]|\uDBBF[\uDC00-\uDFFD]|[\uDBC0-\uDBFE][\uDC00-\uDFFF]|\uDBFF[\uDC00-\uDFFD]/g;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function newDocState(documentId: string, title: string): DocState {
  return {
    documentId,
    title,
    revision: 1,
    text: '\n',
    charStyles: [{}],
    paragraphs: [{ style: { namedStyleType: 'NORMAL_TEXT' } }],
    namedRanges: [],
    documentStyle: {
      pageSize: { width: { magnitude: 612, unit: 'PT' }, height: { magnitude: 792, unit: 'PT' } },
      marginTop: { magnitude: 72, unit: 'PT' },
      marginBottom: { magnitude: 72, unit: 'PT' },
      marginLeft: { magnitude: 72, unit: 'PT' },
      marginRight: { magnitude: 72, unit: 'PT' },
    },
    nextId: 1,
  };
}

/** A request failed validation: becomes `Invalid requests[i].kind: message`. */
class RequestProblem extends Error {}

function parseFields(fields: unknown, allowed: readonly string[]): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') {
    throw new RequestProblem(
      "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
  }
  const list = fields.split(',').map((f) => f.trim());
  if (list.includes('*')) return [...allowed];
  for (const f of list) {
    const top = f.split('.')[0] ?? '';
    if (!allowed.includes(top)) throw new RequestProblem(`Invalid field mask: unknown field "${f}".`);
  }
  return list.map((f) => f.split('.')[0] ?? f);
}

function applyMask(target: Style, source: Record<string, unknown>, fields: readonly string[]): Style {
  const out = { ...target };
  for (const f of fields) {
    // A listed field that the request leaves unset is reset, as the API documents for field masks.
    if (source[f] === undefined) delete out[f];
    else out[f] = clone(source[f]);
  }
  return out;
}

/** Operations on one document state; every method validates before it changes anything. */
class Body {
  constructor(readonly s: DocState) {}

  get endIndex(): number {
    return this.s.text.length + 1;
  }

  private checkSegment(segmentId: unknown): void {
    if (segmentId !== undefined && segmentId !== null && segmentId !== '') {
      throw new UnsupportedRequestError(`segment "${String(segmentId)}" (the emulator has only the body)`);
    }
  }

  private checkSurrogate(index: number, what: string): void {
    const pos = index - 1;
    if (pos > 0 && pos < this.s.text.length) {
      if (isHigh(this.s.text.charCodeAt(pos - 1)) && isLow(this.s.text.charCodeAt(pos))) {
        throw new RequestProblem(`The ${what} index ${index} cannot be within a surrogate pair.`);
      }
    }
  }

  checkRange(range: unknown, allowFinalNewline: boolean): { start: number; end: number } {
    if (typeof range !== 'object' || range === null) throw new RequestProblem('The range must be specified.');
    const r = range as Record<string, unknown>;
    this.checkSegment(r['segmentId']);
    const start = r['startIndex'];
    const end = r['endIndex'];
    if (typeof start !== 'number' || !Number.isInteger(start)) {
      throw new RequestProblem('The start index must be specified.');
    }
    if (typeof end !== 'number' || !Number.isInteger(end))
      throw new RequestProblem('The end index must be specified.');
    if (start < 1) throw new RequestProblem(`The start index ${start} must be greater than or equal to 1.`);
    if (end <= start) {
      throw new RequestProblem(`The end index ${end} must be greater than the start index ${start}.`);
    }
    if (end > this.endIndex) {
      throw new RequestProblem(
        `Index ${end - 1} must be less than the end index of the referenced segment, ${this.endIndex}.`,
      );
    }
    if (!allowFinalNewline && end === this.endIndex) {
      throw new RequestProblem('The range cannot include the newline character at the end of the segment.');
    }
    this.checkSurrogate(start, 'start');
    this.checkSurrogate(end, 'end');
    return { start, end };
  }

  /** Paragraph number of the text position `pos` (0-based into text). */
  paragraphAt(pos: number): number {
    let n = 0;
    for (let k = 0; k < pos; k++) if (this.s.text.charCodeAt(k) === 10) n++;
    return n;
  }

  /** [startIndex, endIndex) of every paragraph. */
  paragraphRanges(): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    let start = 1;
    for (let k = 0; k < this.s.text.length; k++) {
      if (this.s.text.charCodeAt(k) === 10) {
        out.push({ start, end: k + 2 });
        start = k + 2;
      }
    }
    return out;
  }

  insert(index: unknown, raw: unknown): number {
    if (typeof raw !== 'string') throw new RequestProblem('The text to insert must be specified.');
    if (typeof index !== 'number' || !Number.isInteger(index))
      throw new RequestProblem('The index must be set.');
    if (index < 1) {
      throw new RequestProblem(
        'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
      );
    }
    if (index >= this.endIndex) {
      throw new RequestProblem(
        `Index ${index} must be less than the end index of the referenced segment, ${this.endIndex}.`,
      );
    }
    this.checkSurrogate(index, 'insertion');
    const text = raw.replace(STRIPPED, '');
    if (text === '') return 0;
    const s = this.s;
    const pos = index - 1;
    // Inserted text takes the style of the character before it in the same paragraph, else the one after.
    const before = pos > 0 && s.text.charCodeAt(pos - 1) !== 10 ? s.charStyles[pos - 1] : undefined;
    const neighbour = before ?? s.charStyles[pos] ?? {};
    const para = this.paragraphAt(pos);
    const current = s.paragraphs[para]!;
    const newParagraphs: Paragraph[] = [];
    for (const ch of text) if (ch === '\n') newParagraphs.push(clone(current));
    s.text = s.text.slice(0, pos) + text + s.text.slice(pos);
    s.charStyles.splice(pos, 0, ...Array.from({ length: text.length }, () => ({ ...neighbour })));
    // The inserted newlines end new paragraphs that copy the current paragraph's style (bullets included).
    s.paragraphs.splice(para, 0, ...newParagraphs);
    for (const r of s.namedRanges) {
      if (index <= r.start) {
        r.start += text.length;
        r.end += text.length;
      } else if (index < r.end) {
        r.end += text.length;
      }
    }
    return text.length;
  }

  delete(start: number, end: number): void {
    const s = this.s;
    const from = start - 1;
    const to = end - 1;
    const removed = s.text.slice(from, to);
    // Deleting a paragraph's newline merges it into the next paragraph, whose style survives.
    const firstPara = this.paragraphAt(from);
    let newlines = 0;
    for (const ch of removed) if (ch === '\n') newlines++;
    s.paragraphs.splice(firstPara, newlines);
    s.text = s.text.slice(0, from) + s.text.slice(to);
    s.charStyles.splice(from, to - from);
    const len = end - start;
    s.namedRanges = s.namedRanges.filter((r) => {
      const clip = (i: number) => (i <= start ? i : i >= end ? i - len : start);
      r.start = clip(r.start);
      r.end = clip(r.end);
      return r.end > r.start;
    });
  }
}

export interface EmulatedParagraph {
  readonly startIndex: number;
  readonly endIndex: number;
  /** The paragraph's text including its final `\n`. */
  readonly text: string;
  readonly style: Style;
  readonly bullet?: { readonly nestingLevel: number; readonly preset: string };
  readonly runs: readonly { readonly startIndex: number; readonly text: string; readonly style: Style }[];
}

export interface BatchUpdateResource {
  readonly requests: readonly DocsRequest[];
  readonly writeControl?: { readonly requiredRevisionId?: string };
}

type Method = 'create' | 'get' | 'batchUpdate';

export class DocsEmulator {
  private readonly docs = new Map<string, DocState>();
  private nextDoc = 1;
  private readonly failures: { method: Method; error: Error }[] = [];
  /** How many times each method was called (failed calls included). */
  readonly calls: Record<Method, number> = { create: 0, get: 0, batchUpdate: 0 };

  /** Makes the next call of `method` throw `error` (queued in order). */
  failNext(
    method: Method,
    error: Error = new DocsApiError(method, 'Internal error encountered.', 500),
  ): void {
    this.failures.push({ method, error });
  }

  private enter(method: Method): void {
    this.calls[method]++;
    const i = this.failures.findIndex((f) => f.method === method);
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw f!.error;
    }
  }

  private state(method: string, documentId: string): DocState {
    const doc = this.docs.get(documentId);
    if (!doc) throw new DocsApiError(method, `Requested entity was not found.`, 404);
    return doc;
  }

  create(resource: { title?: string } = {}): { documentId: string; title: string; revisionId: string } {
    this.enter('create');
    const documentId = `emulated-doc-${this.nextDoc++}`;
    const doc = newDocState(documentId, resource.title ?? 'Untitled document');
    this.docs.set(documentId, doc);
    return { documentId, title: doc.title, revisionId: revisionId(doc) };
  }

  batchUpdate(
    resource: BatchUpdateResource,
    documentId: string,
  ): {
    documentId: string;
    replies: Record<string, unknown>[];
    writeControl: { requiredRevisionId: string };
  } {
    this.enter('batchUpdate');
    const current = this.state('batchUpdate', documentId);
    const required = resource.writeControl?.requiredRevisionId;
    if (required !== undefined && required !== revisionId(current)) {
      throw new DocsApiError(
        'batchUpdate',
        `The required revision ID '${required}' does not match the latest revision.`,
      );
    }
    if (!Array.isArray(resource.requests) || resource.requests.length === 0) {
      throw new DocsApiError('batchUpdate', 'Must specify at least one request.');
    }
    // Atomic: work on a copy and keep it only if every request succeeds.
    const work = clone(current);
    const body = new Body(work);
    const replies: Record<string, unknown>[] = [];
    resource.requests.forEach((request, i) => {
      const keys = Object.keys(request ?? {}).filter(
        (k) => (request as Record<string, unknown>)[k] !== undefined,
      );
      if (keys.length !== 1) {
        throw new DocsApiError(
          'batchUpdate',
          `Invalid requests[${i}]: exactly one request kind must be set.`,
        );
      }
      const kind = keys[0]!;
      rejectUnknownFields(i, kind, (request as Record<string, Record<string, unknown>>)[kind]);
      try {
        replies.push(applyRequest(body, kind, (request as Record<string, Record<string, unknown>>)[kind]!));
      } catch (e) {
        if (e instanceof RequestProblem)
          throw new DocsApiError('batchUpdate', `Invalid requests[${i}].${kind}: ${e.message}`);
        throw e;
      }
    });
    work.revision++;
    this.docs.set(documentId, work);
    return { documentId, replies, writeControl: { requiredRevisionId: revisionId(work) } };
  }

  /** The document as `documents.get` returns it (body, named ranges, document style). */
  get(documentId: string): Record<string, unknown> {
    this.enter('get');
    const s = this.state('get', documentId);
    const content: Record<string, unknown>[] = [{ endIndex: 1, sectionBreak: { sectionStyle: {} } }];
    for (const p of this.paragraphsOf(s)) {
      content.push({
        startIndex: p.startIndex,
        endIndex: p.endIndex,
        paragraph: {
          elements: p.runs.map((r) => ({
            startIndex: r.startIndex,
            endIndex: r.startIndex + r.text.length,
            textRun: { content: r.text, textStyle: clone(r.style) },
          })),
          paragraphStyle: clone(p.style),
          ...(p.bullet ? { bullet: { listId: 'emulated-list', nestingLevel: p.bullet.nestingLevel } } : {}),
        },
      });
    }
    const namedRanges: Record<string, unknown> = {};
    for (const r of s.namedRanges) {
      const entry = (namedRanges[r.name] ?? { name: r.name, namedRanges: [] }) as { namedRanges: unknown[] };
      namedRanges[r.name] = entry;
      entry.namedRanges.push({
        namedRangeId: r.id,
        name: r.name,
        ranges: [{ startIndex: r.start, endIndex: r.end }],
      });
    }
    return {
      documentId,
      title: s.title,
      revisionId: revisionId(s),
      body: { content },
      documentStyle: clone(s.documentStyle),
      namedRanges,
    };
  }

  /** The body text as the API returns it: every paragraph's text with its `\n`, the final one included. */
  getText(documentId: string): string {
    return this.state('getText', documentId).text;
  }

  paragraphs(documentId: string): EmulatedParagraph[] {
    return this.paragraphsOf(this.state('paragraphs', documentId));
  }

  namedRanges(
    documentId: string,
  ): { name: string; namedRangeId: string; startIndex: number; endIndex: number }[] {
    return this.state('namedRanges', documentId).namedRanges.map((r) => ({
      name: r.name,
      namedRangeId: r.id,
      startIndex: r.start,
      endIndex: r.end,
    }));
  }

  documentStyle(documentId: string): Style {
    return clone(this.state('documentStyle', documentId).documentStyle);
  }

  private paragraphsOf(s: DocState): EmulatedParagraph[] {
    const ranges = new Body(s).paragraphRanges();
    return ranges.map((range, i) => {
      const runs: { startIndex: number; text: string; style: Style }[] = [];
      for (let k = range.start - 1; k < range.end - 1; k++) {
        const style = s.charStyles[k]!;
        const last = runs[runs.length - 1];
        if (last && JSON.stringify(last.style) === JSON.stringify(style)) last.text += s.text[k];
        else runs.push({ startIndex: k + 1, text: s.text[k]!, style });
      }
      const p = s.paragraphs[i]!;
      return {
        startIndex: range.start,
        endIndex: range.end,
        text: s.text.slice(range.start - 1, range.end - 1),
        style: p.style,
        ...(p.bullet ? { bullet: { nestingLevel: p.bullet.nestingLevel, preset: p.bullet.preset } } : {}),
        runs,
      };
    });
  }
}

function revisionId(s: DocState): string {
  return `${s.documentId}-rev-${s.revision}`;
}

/**
 * The fields each emulated request kind has in the Docs API schema (and of its Range and Location
 * objects). The API rejects a payload with any other name before running a single request
 * ("Unknown name … Cannot find field."); a misspelt field must fail here too, not be ignored.
 */
const REQUEST_FIELDS: Readonly<Record<string, readonly string[]>> = {
  insertText: ['text', 'location', 'endOfSegmentLocation'],
  deleteContentRange: ['range'],
  updateTextStyle: ['range', 'textStyle', 'fields'],
  updateParagraphStyle: ['range', 'paragraphStyle', 'fields'],
  updateDocumentStyle: ['documentStyle', 'fields', 'tabId'],
  createNamedRange: ['name', 'range'],
  deleteNamedRange: ['namedRangeId', 'name', 'tabsCriteria'],
  replaceAllText: ['replaceText', 'containsText', 'tabsCriteria'],
  replaceNamedRangeContent: ['namedRangeId', 'namedRangeName', 'text', 'tabsCriteria'],
  createParagraphBullets: ['range', 'bulletPreset'],
};
const NESTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  range: ['startIndex', 'endIndex', 'segmentId', 'tabId'],
  location: ['index', 'segmentId', 'tabId'],
  endOfSegmentLocation: ['segmentId', 'tabId'],
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function rejectUnknownFields(i: number, kind: string, req: Record<string, unknown> | undefined): void {
  const known = REQUEST_FIELDS[kind];
  if (!known || req === null || typeof req !== 'object') return;
  const unknown = (at: string, name: string) =>
    new DocsApiError(
      'batchUpdate',
      `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`,
    );
  for (const [field, value] of Object.entries(req)) {
    if (!known.includes(field)) throw unknown(`requests[${i}].${snake(kind)}`, field);
    const nested = NESTED_FIELDS[field];
    if (!nested || value === null || typeof value !== 'object') continue;
    for (const inner of Object.keys(value)) {
      if (!nested.includes(inner)) throw unknown(`requests[${i}].${snake(kind)}.${snake(field)}`, inner);
    }
  }
}

function applyRequest(body: Body, kind: string, req: Record<string, unknown>): Record<string, unknown> {
  const s = body.s;
  switch (kind) {
    case 'insertText': {
      const location = req['location'] as Record<string, unknown> | undefined;
      const end = req['endOfSegmentLocation'] as Record<string, unknown> | undefined;
      if ((location === undefined) === (end === undefined)) {
        throw new RequestProblem('Exactly one of location or endOfSegmentLocation must be set.');
      }
      if (location?.['segmentId'] || end?.['segmentId']) {
        throw new UnsupportedRequestError('insertText into a non-body segment');
      }
      // endOfSegmentLocation inserts before the segment's final newline.
      body.insert(location ? location['index'] : s.text.length, req['text']);
      return {};
    }
    case 'deleteContentRange': {
      const { start, end } = body.checkRange(req['range'], false);
      body.delete(start, end);
      return {};
    }
    case 'updateTextStyle': {
      const { start, end } = body.checkRange(req['range'], true);
      const fields = parseFields(req['fields'], TEXT_STYLE_FIELDS);
      const style = (req['textStyle'] ?? {}) as Record<string, unknown>;
      for (let k = start - 1; k < end - 1; k++) s.charStyles[k] = applyMask(s.charStyles[k]!, style, fields);
      return {};
    }
    case 'updateParagraphStyle': {
      const { start, end } = body.checkRange(req['range'], true);
      const fields = parseFields(req['fields'], PARAGRAPH_STYLE_FIELDS);
      const style = (req['paragraphStyle'] ?? {}) as Record<string, unknown>;
      body.paragraphRanges().forEach((p, i) => {
        if (p.start < end && p.end > start) {
          const para = s.paragraphs[i]!;
          para.style = applyMask(para.style, style, fields);
        }
      });
      return {};
    }
    case 'updateDocumentStyle': {
      const fields = parseFields(req['fields'], DOCUMENT_STYLE_FIELDS);
      s.documentStyle = applyMask(
        s.documentStyle,
        (req['documentStyle'] ?? {}) as Record<string, unknown>,
        fields,
      );
      return {};
    }
    case 'createNamedRange': {
      const name = req['name'];
      if (typeof name !== 'string' || name.length < 1 || name.length > 256) {
        throw new RequestProblem('The name must be between 1 and 256 UTF-16 code units long.');
      }
      const { start, end } = body.checkRange(req['range'], true);
      const id = `kix.emulated${s.nextId++}`;
      s.namedRanges.push({ id, name, start, end });
      return { createNamedRange: { namedRangeId: id } };
    }
    case 'deleteNamedRange': {
      const id = req['namedRangeId'];
      const name = req['name'];
      if ((id === undefined) === (name === undefined)) {
        throw new RequestProblem('Exactly one of name or namedRangeId must be set.');
      }
      if (id !== undefined && !s.namedRanges.some((r) => r.id === id)) {
        throw new RequestProblem(`The named range with ID ${String(id)} could not be found.`);
      }
      s.namedRanges = s.namedRanges.filter((r) => (id !== undefined ? r.id !== id : r.name !== name));
      return {};
    }
    case 'replaceAllText': {
      const criteria = (req['containsText'] ?? {}) as Record<string, unknown>;
      const find = criteria['text'];
      if (typeof find !== 'string' || find === '')
        throw new RequestProblem('The text to search for must not be empty.');
      if (criteria['searchByRegex']) throw new UnsupportedRequestError('replaceAllText with searchByRegex');
      const replace = typeof req['replaceText'] === 'string' ? req['replaceText'] : '';
      const matchCase = criteria['matchCase'] === true;
      const hay = matchCase ? s.text : s.text.toLowerCase();
      const needle = matchCase ? find : find.toLowerCase();
      const hits: number[] = [];
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
        // A match cannot run across a paragraph boundary.
        if (!s.text.slice(at, at + find.length).includes('\n')) hits.push(at);
      }
      for (const at of hits.reverse()) {
        const index = at + 1;
        const style = s.charStyles[at]!;
        body.delete(index, index + find.length);
        const added = body.insert(index, replace);
        for (let k = at; k < at + added; k++) s.charStyles[k] = { ...style };
      }
      return { replaceAllText: { occurrencesChanged: hits.length } };
    }
    case 'replaceNamedRangeContent': {
      const id = req['namedRangeId'];
      const name = req['namedRangeName'];
      if ((id === undefined) === (name === undefined)) {
        throw new RequestProblem('Exactly one of namedRangeName or namedRangeId must be set.');
      }
      const targets = s.namedRanges.filter((r) => (id !== undefined ? r.id === id : r.name === name));
      if (targets.length === 0) {
        throw new RequestProblem(`The named range ${String(id ?? name)} could not be found.`);
      }
      const text = typeof req['text'] === 'string' ? req['text'] : '';
      // From the last range backwards so earlier indices stay valid.
      for (const r of [...targets].sort((a, b) => b.start - a.start)) {
        if (r.end === body.endIndex)
          throw new RequestProblem('The named range cannot include the final newline.');
        const start = r.start;
        body.delete(r.start, r.end);
        const added = body.insert(start, text);
        const kept = s.namedRanges.find((n) => n.id === r.id);
        if (kept) {
          kept.start = start;
          kept.end = start + added;
        } else if (added > 0) {
          s.namedRanges.push({ id: r.id, name: r.name, start, end: start + added });
        }
      }
      return {};
    }
    case 'createParagraphBullets': {
      const { start, end } = body.checkRange(req['range'], true);
      const preset = req['bulletPreset'];
      if (typeof preset !== 'string') throw new RequestProblem('The bullet preset must be specified.');
      const targets = body
        .paragraphRanges()
        .map((p, i) => ({ ...p, i }))
        .filter((p) => p.start < end && p.end > start);
      // Leading tabs become the nesting level and are removed, which shifts later indices (platform.md).
      for (const p of targets.reverse()) {
        let tabs = 0;
        while (s.text[p.start - 1 + tabs] === '\t') tabs++;
        if (tabs > 0) body.delete(p.start, p.start + tabs);
        s.paragraphs[p.i]!.bullet = { listId: 'emulated-list', nestingLevel: tabs, preset };
      }
      return {};
    }
    default:
      throw new UnsupportedRequestError(`request kind "${kind}"`);
  }
}
