/**
 * A world for the sidebar server: the tracker (orders, Settings team, Log), the letter Doc in the Docs
 * emulator, its Drive comments, sharing, a PDF store and a clock, all in memory and all observable, with
 * helpers for what people do outside CEAD (the candidate replies, someone resolves, a writer edits).
 *
 * The ports are implemented here directly over the emulator and plain arrays, with the rules of the real
 * services that matter to the sidebar: comments are authored by whoever is signed in, a resolve/reopen
 * reply sets `resolved`, the Doc text is the body without its final newline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnswersJson } from '../../src/core/answers';
import { type CommentThread, planSession, type ThreadReply } from '../../src/core/editing-session';
import { composeLetter } from '../../src/core/letter/compose';
import type { DocsRequest } from '../../src/core/letter/docs-requests';
import type { LetterModel } from '../../src/core/letter/model';
import { renderDocsRequests } from '../../src/core/letter/render-docs';
import { newOrder, type Order } from '../../src/core/orders';
import type { Rewriter } from '../../src/core/ports';
import type { Answers } from '../../src/core/questionnaire';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { LogEntry } from '../../src/core/tracker-row';
import { sidebarLetter } from '../../src/gas/sidebar-letter';
import { createSidebarServer, type SidebarServices } from '../../src/gas/sidebar-server';
import { DocsEmulator } from '../fakes/docs-emulator';

export const TEAM = {
  writer: { name: 'Ana Writer', email: 'ana.writer@cead-team.example', roles: ['writer' as const] },
  reviewer: { name: 'Ben Reviewer', email: 'ben.reviewer@cead-team.example', roles: ['reviewer' as const] },
  manager: { name: 'Cy Manager', email: 'cy.manager@cead-team.example', roles: ['manager' as const] },
};
export const CANDIDATE = { name: 'Rosa Delgado', email: 'rosa.delgado@example.com' };
export const OUTSIDER = 'someone.else@example.net';
/** The day intake drafted the letter: the day of the order's answers. */
export const DRAFT_DATE = '2026-04-01';

export function exampleAnswers(file = 'rosa-delgado.json'): Answers {
  const json: unknown = JSON.parse(readFileSync(join(__dirname, '../../examples/answers', file), 'utf8'));
  return parseAnswersJson(json).answers;
}

export interface WorldOptions {
  readonly status?: Order['status'];
  readonly answers?: Answers;
  readonly pdfBytes?: number;
  readonly render?: (model: LetterModel) => readonly DocsRequest[];
  /** Post the draft's open questions as session 1's threads, as intake does when it makes the Doc. */
  readonly intakeQuestions?: boolean;
  /** The team's model: given, Settings turn model assist on (the Gemini API) and the sidebar uses it. */
  readonly rewriter?: Rewriter;
}

export function createSidebarWorld(options: WorldOptions = {}) {
  let now = '2026-04-06T14:00:00.000Z';
  let signedIn = TEAM.writer.email;
  const answers = options.answers ?? exampleAnswers();
  const render = options.render ?? ((model: LetterModel) => renderDocsRequests(model));

  const docs = new DocsEmulator();
  const { documentId } = docs.create({ title: 'Letter for Rosa Delgado' });
  docs.batchUpdate(
    { requests: render(composeLetter(answers, { letterDate: DRAFT_DATE })) as DocsRequest[] },
    documentId,
  );

  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    team: [TEAM.writer, TEAM.reviewer, TEAM.manager],
    ...(options.rewriter
      ? { modelAssist: { ...DEFAULT_SETTINGS.modelAssist, service: 'gemini-api' as const } }
      : {}),
  };
  const base = newOrder({
    responseId: 'resp-1',
    submitted: '2026-04-01T09:00:00-04:00',
    lastUpdate: '2026-04-01T09:00:00-04:00',
    candidate: CANDIDATE.name,
    email: CANDIDATE.email,
    specialty: 'Internal Medicine',
    recommender: 'Michael Chen',
    package: 'standard',
  });
  let orders: Order[] = [
    {
      ...base,
      status: options.status ?? 'DRAFTING',
      writer: TEAM.writer.email,
      reviewer: TEAM.reviewer.email,
      start: '2026-04-01',
      originalDue: '2026-05-13',
      currentDue: '2026-05-13',
      businessDaysLeft: 27,
      docId: documentId,
      docUrl: `https://docs.google.com/document/d/${documentId}/edit`,
    },
    {
      ...newOrder({
        responseId: 'resp-2',
        submitted: '2026-04-02T09:00:00-04:00',
        lastUpdate: '2026-04-02T09:00:00-04:00',
      }),
      candidate: 'Jordan Reyes-Park',
      status: 'DRAFTING',
      docId: 'another-doc',
    },
  ];
  const log: LogEntry[] = [];
  const shares: { docId: string; email: string; role: string; message: string }[] = [];
  const pdfs: { fileId: string; name: string; bytes: number; removed: boolean }[] = [];
  const selections: { text: string; occurrence: number }[] = [];
  let lockHeld = false;

  interface StoredComment {
    id: string;
    author: { name: string; email: string };
    time: string;
    text: string;
    quoted?: string;
    anchored: boolean;
    resolved: boolean;
    replies: (ThreadReply & { author: { name: string; email: string } })[];
  }
  const comments: StoredComment[] = [];
  let nextId = 1;
  const person = (email: string) => {
    const member = Object.values(TEAM).find((m) => m.email === email);
    return {
      name: member?.name ?? (email === CANDIDATE.email ? CANDIDATE.name : email.split('@')[0]!),
      email,
    };
  };
  /** Drive tells each reader which comments are their own (`me`); it does not show other people's emails. */
  const asSeenBy = (viewer: string, p: { name: string; email: string }) =>
    p.email === viewer ? { name: p.name, me: true } : { name: p.name };
  const addReply = (c: StoredComment, by: string, text: string, action?: 'resolve' | 'reopen') => {
    c.replies.push({
      id: `r${nextId++}`,
      author: person(by),
      time: now,
      text,
      ...(action ? { action } : {}),
    });
    if (action === 'resolve') c.resolved = true;
    if (action === 'reopen') c.resolved = false;
  };
  const find = (id: string) => {
    const c = comments.find((x) => x.id === id);
    if (!c) throw new Error(`API call to drive.replies.create failed with error: Comment not found: ${id}.`);
    return c;
  };

  const services: SidebarServices = {
    callerEmail: () => signedIn,
    activeDocument: {
      id: () => documentId,
      select: (text, occurrence) => {
        const body = docs.getText(documentId);
        let at = -1;
        for (let k = 0; k <= occurrence; k++) {
          at = body.indexOf(text, at + 1);
          if (at < 0) return false;
        }
        selections.push({ text, occurrence });
        return true;
      },
    },
    settings: { read: () => ({ settings, problems: [] }) },
    orders: {
      readAll: () => ({ orders: [...orders], problems: [] }),
      put: (order) => {
        orders = orders.map((o) => (o.orderId === order.orderId ? order : o));
      },
      putAll: (list) => {
        for (const order of list) orders = orders.map((o) => (o.orderId === order.orderId ? order : o));
      },
    },
    documents: {
      findByOrder: () => undefined,
      create: () => {
        throw new Error('not in the sidebar');
      },
      text: (id) => docs.getText(id).replace(/\n$/, ''),
      write: (id, requests) => {
        docs.batchUpdate({ requests }, id);
      },
      replace: () => {
        throw new Error('not in the sidebar');
      },
    },
    structure: {
      namedRanges: (id, name) =>
        docs
          .namedRanges(id)
          .filter((r) => r.name === name)
          .map((r) => ({ startIndex: r.startIndex, endIndex: r.endIndex })),
      pageSize: (id) => {
        const size = docs.documentStyle(id)['pageSize'] as {
          width: { magnitude: number };
          height: { magnitude: number };
        };
        return { width: size.width.magnitude, height: size.height.magnitude };
      },
    },
    comments: {
      list: (): CommentThread[] =>
        comments.map((c) => ({
          id: c.id,
          author: asSeenBy(signedIn, c.author),
          time: c.time,
          text: c.text,
          ...(c.quoted !== undefined ? { quoted: c.quoted } : {}),
          anchored: c.anchored,
          resolved: c.resolved,
          replies: c.replies.map((r) => ({ ...r, author: asSeenBy(signedIn, r.author) })),
        })),
      post: (_docId, text, quoted) => {
        const id = `c${nextId++}`;
        comments.push({
          id,
          author: person(signedIn),
          time: now,
          text,
          ...(quoted ? { quoted } : {}),
          anchored: false,
          resolved: false,
          replies: [],
        });
        return id;
      },
      reply: (_docId, threadId, text, action) => addReply(find(threadId), signedIn, text, action),
    },
    invite: (docId, email, message) => {
      if (!shares.some((x) => x.docId === docId && x.email === email))
        shares.push({ docId, email, role: 'commenter', message });
    },
    log: { append: (entries) => void log.push(...entries) },
    clock: {
      now: () => now,
      localDate: (instant) => instant.slice(0, 10),
      localDateTime: (instant) => instant.replace(/\.\d{3}Z$/, 'Z'),
      sleep: () => undefined,
    },
    lock: {
      tryAcquire: () => {
        if (lockHeld) return false;
        lockHeld = true;
        return true;
      },
      release: () => {
        lockHeld = false;
      },
    },
    letter: sidebarLetter(
      (order) =>
        order.responseId === 'resp-1'
          ? { answers }
          : { problem: 'The answers of this order cannot be read.' },
      render,
    ),
    pdf: {
      save: (_docId, name) => {
        const fileId = `pdf${nextId++}`;
        const bytes = options.pdfBytes ?? 48_000;
        pdfs.push({ fileId, name, bytes, removed: false });
        return { fileId, url: `https://drive.google.com/file/d/${fileId}/view`, bytes };
      },
      remove: (fileId) => {
        const p = pdfs.find((x) => x.fileId === fileId);
        if (p) p.removed = true;
      },
    },
  };

  const rewriter = options.rewriter;
  if (rewriter) Object.assign(services, { rewriter: () => rewriter });

  if (options.intakeQuestions) {
    const questions = composeLetter(answers, { letterDate: DRAFT_DATE }).openQuestions.map((q) => ({
      id: q.id,
      question: q.question,
      passage: q.quote,
    }));
    const plan = planSession({ session: 1, openQuestions: questions, findings: [], writerQuestions: [] }, []);
    if (!plan.ok) throw new Error(plan.problems.join(' '));
    signedIn = 'owner@cead-team.example';
    for (const c of plan.value) services.comments.post(documentId, c.text, c.quoted);
    signedIn = TEAM.writer.email;
  }

  return {
    server: createSidebarServer(services),
    services,
    docs,
    documentId,
    answers,
    log,
    shares,
    pdfs,
    selections,
    comments,
    order: () => orders[0]!,
    setOrder: (patch: Partial<Order>) => {
      orders = [{ ...orders[0]!, ...patch }, ...orders.slice(1)];
    },
    signIn: (email: string) => {
      signedIn = email;
    },
    advance: (iso: string) => {
      now = iso;
    },
    /** Someone comments in the Docs UI, anchored on text (Drive cannot anchor API comments; people can). */
    userComment: (email: string, text: string, quoted?: string) => {
      const id = `c${nextId++}`;
      comments.push({
        id,
        author: person(email),
        time: now,
        text,
        ...(quoted ? { quoted } : {}),
        anchored: quoted !== undefined,
        resolved: false,
        replies: [],
      });
      return id;
    },
    userReply: (email: string, threadId: string, text: string, action?: 'resolve' | 'reopen') =>
      addReply(find(threadId), email, text, action),
    holdLock: () => {
      lockHeld = true;
    },
  };
}

export type SidebarWorld = ReturnType<typeof createSidebarWorld>;
