/**
 * Intake against in-memory ports: one order, one Doc, one set of threads per response, whatever repeats
 * or fails; transient errors retried with backoff, others recorded as ERROR and resumed.
 */

import { parseCheckMarker } from '../../src/core/finding-comments';
import {
  backoffMs,
  CANDIDATE_MAIL_STEP,
  changedAnswers,
  DEFAULT_RETRY,
  type IntakeContext,
  letterHash,
  needsIntake,
  pickWriter,
  processResponse,
} from '../../src/core/intake';
import { checkDraftAgainstOrders, draftLetter } from '../../src/core/letter-draft';
import { moveOrder } from '../../src/core/order-moves';
import { type Order, orderIdFor } from '../../src/core/orders';
import type { CommentStore, ResponseData } from '../../src/core/ports';
import { ITEMS } from '../../src/core/questionnaire';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { sweep } from '../../src/core/sweep';
import { backOffice, MemoryFolderSharing, rawFromExample, testDrafter } from './back-office-ports';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  emailCandidates: true,
  team: [
    { name: 'Ana Writer', email: 'ana@cead-team.example', roles: ['writer'] },
    { name: 'Ben Writer', email: 'ben@cead-team.example', roles: ['writer'] },
    { name: 'Mia Manager', email: 'mia@cead-team.example', roles: ['manager'] },
  ],
};

function response(
  id: string,
  raw: Record<string, string>,
  timestamp = '2026-11-30T13:55:00.000Z',
): ResponseData {
  return { responseId: id, timestamp, respondentEmail: '', editUrl: `https://forms.example/edit/${id}`, raw };
}

/** The in-memory back office; `folders` makes Docs in writer folders as the Drive adapter does. */
function setup(folders = false) {
  const base = backOffice();
  const b = folders ? { ...base, sharing: new MemoryFolderSharing(base.faults, base.docs) } : base;
  const ctx = (): IntakeContext => ({
    settings: SETTINGS,
    orders: new Map([...b.orders.rows.values()].map((o) => [o.orderId, o])),
    retry: DEFAULT_RETRY,
  });
  const run = (r: ResponseData) => processResponse(b, ctx(), r);
  return { b, run };
}

const complete = rawFromExample('rosa-delgado');

describe('intake of a complete response', () => {
  it('records the order, keeps the raw answers, drafts the Doc, shares it, posts the questions', () => {
    const { b, run } = setup();
    const out = run(response('R1', complete));
    expect(out).toMatchObject({ action: 'created', status: 'DRAFTING', orderId: orderIdFor('R1') });
    const order = b.orders.rows.get(orderIdFor('R1'))!;
    expect(order).toMatchObject({
      status: 'DRAFTING',
      candidate: 'Rosa Delgado',
      submitted: '2026-11-30T08:55:00-05:00',
      writer: 'ana@cead-team.example',
      openThreads: 2,
      start: '2026-11-30',
      docId: 'doc-1',
    });
    expect(order.originalDue).not.toBeNull();
    expect(b.raw.rows).toEqual([{ responseId: 'R1', received: order.submitted, raw: complete }]);
    expect(b.docs.docs).toHaveLength(1);
    expect(b.docs.docs[0]!.text).toContain('Rosa Delgado');
    expect(b.docs.docs[0]!.letterHash).toBe(letterHash(b.docs.docs[0]!.text));
    expect([...b.sharing.shares.get('doc-1')!]).toEqual(['ana@cead-team.example']);
    expect(b.comments.threads.get('doc-1')!.map((t) => t.text)).toEqual([
      '[CEAD s1-q1] How many students has the recommender supervised?',
      '[CEAD s1-q2] How many weeks did you work together?',
    ]);
    expect(b.comments.threads.get('doc-1')![0]!.quoted).toBe('⟦how many⟧');
    expect(b.log.entries.map((e) => [e.event, e.from, e.to])).toEqual([['intake', 'NEW', 'DRAFTING']]);
    // The Log holds ids and counts, never answers.
    expect(JSON.stringify(b.log.entries)).not.toContain('Rosa');
    expect(b.mailer.sent).toEqual([]);
  });

  it('changes nothing when the same response comes again', () => {
    const { b, run } = setup();
    run(response('R1', complete));
    const calls = b.faults.calls.length;
    expect(run(response('R1', complete)).action).toBe('unchanged');
    expect(b.faults.calls.length).toBe(calls);
    expect(b.docs.docs).toHaveLength(1);
    expect(b.raw.rows).toHaveLength(1);
  });

  it('gives the next order to the writer with fewer active orders', () => {
    const { b, run } = setup();
    run(response('R1', complete));
    run(response('R2', complete));
    expect(b.orders.rows.get(orderIdFor('R2'))!.writer).toBe('ben@cead-team.example');
    expect(pickWriter({ ...SETTINGS, team: [] }, [])).toBe('');
  });
});

describe('the first check’s findings as the draft’s comments', () => {
  // The real drafter and check: Rosa Delgado's answers with one faint-praise line the composer keeps.
  const faint = { ...complete };
  const key = Object.keys(faint).find((t) => /professionalism/i.test(t))!;
  faint[key] = `${faint[key]} She was always punctual.`;
  function checked(options: { fail?: Error } = {}) {
    const s = setup();
    const comments = options.fail ? failingCheckPost(s.b.comments, options.fail) : s.b.comments;
    const b = {
      ...s.b,
      comments,
      memory: s.b.comments,
      draft: draftLetter,
      checkDraft: checkDraftAgainstOrders,
    };
    const ctx = (): IntakeContext => ({
      settings: SETTINGS,
      orders: new Map([...b.orders.rows.values()].map((o) => [o.orderId, o])),
      retry: DEFAULT_RETRY,
    });
    return { b, run: (r: ResponseData) => processResponse(b, ctx(), r) };
  }
  const checkThreads = (b: ReturnType<typeof checked>['b']) =>
    b.memory.threads.get('doc-1')!.filter((t) => parseCheckMarker(t.text) !== undefined);

  it('posts each error- or warning-level code once, quoting its passage, after the open questions', () => {
    const { b, run } = checked();
    expect(run(response('R1', faint))).toMatchObject({ action: 'created', status: 'DRAFTING' });
    const threads = checkThreads(b);
    expect(threads.map((t) => parseCheckMarker(t.text))).toEqual(['DOUBT_RAISER']);
    expect(threads[0]!.quoted).toMatch(/punctual/);
    expect(threads[0]!.text).toMatch(/“[^”]*punctual[^”]*” — /);
    // A Doc made in this run has no comments to list first.
    expect(b.faults.count('comments.list')).toBe(0);
  });

  /** The comment store with the first check comment's post failing with `error`. */
  function failingCheckPost(inner: CommentStore, error: Error): CommentStore {
    let failed = false;
    return {
      list: (docId) => inner.list(docId),
      post: (docId, text, quoted) => {
        if (!failed && parseCheckMarker(text) !== undefined) {
          failed = true;
          throw error;
        }
        return inner.post(docId, text, quoted);
      },
      reply: (docId, id, text, action) => inner.reply(docId, id, text, action),
    };
  }

  it('retries a transient failure by listing first, and posts the comment once', () => {
    const { b, run } = checked({ fail: new Error('Backend Error') });
    expect(run(response('R1', faint)).status).toBe('DRAFTING');
    expect(checkThreads(b)).toHaveLength(1);
    expect(b.faults.count('comments.list')).toBe(1);
  });

  it('resolves a fixed finding’s comment when edited answers rewrite a draft nobody touched', () => {
    const { b, run } = checked();
    run(response('R1', faint, '2026-11-30T13:00:00.000Z'));
    expect(checkThreads(b).map((t) => t.resolved)).toEqual([false]);
    // The candidate takes the line out: the rewritten draft no longer has it, so its comment is resolved.
    expect(run(response('R1', complete, '2026-11-30T13:40:00.000Z')).action).toBe('updated');
    const [thread] = checkThreads(b);
    expect(thread!.resolved).toBe(true);
    expect(thread!.replies.map((r) => r.action)).toEqual(['resolve']);
  });

  it('records a check that throws as a failure of postFindings, not of another step', () => {
    const { b } = checked();
    const broken = {
      ...b,
      checkDraft: () => {
        throw new Error('check failed');
      },
    };
    const ctx: IntakeContext = { settings: SETTINGS, orders: new Map(), retry: DEFAULT_RETRY };
    expect(processResponse(broken, ctx, response('R1', faint))).toMatchObject({
      action: 'failed',
      step: 'postFindings',
      reason: 'check failed',
    });
  });

  it('records a permanent failure as ERROR at postFindings; the next run finishes without doubling anything', () => {
    const { b, run } = checked({ fail: new Error('The caller does not have permission') });
    expect(run(response('R1', faint))).toMatchObject({ action: 'failed', step: 'postFindings' });
    expect(b.orders.rows.get(orderIdFor('R1'))).toMatchObject({ status: 'ERROR', errorStep: 'postFindings' });
    expect(run(response('R1', faint))).toMatchObject({ action: 'resumed', status: 'DRAFTING' });
    const all = b.memory.threads.get('doc-1')!;
    expect(checkThreads(b)).toHaveLength(1);
    expect(new Set(all.map((t) => t.text)).size).toBe(all.length);
    // And a duplicate trigger event for the same version changes nothing.
    expect(run(response('R1', faint)).action).toBe('unchanged');
    expect(b.memory.threads.get('doc-1')).toHaveLength(all.length);
  });
});

describe('intake with writer folders (Drive)', () => {
  function folderSetup() {
    const { b, run } = setup(true);
    return { b, sharing: b.sharing as MemoryFolderSharing, run };
  }

  it("makes the Doc in the writer's folder and shares nothing per order", () => {
    const { b, sharing, run } = folderSetup();
    expect(run(response('R1', complete)).status).toBe('DRAFTING');
    expect(run(response('R2', complete)).status).toBe('DRAFTING');
    expect(run(response('R3', complete)).status).toBe('DRAFTING');
    expect(b.docs.docs.map((d) => [d.orderId, d.folderId])).toEqual([
      [orderIdFor('R1'), 'folder-1'],
      [orderIdFor('R2'), 'folder-2'],
      [orderIdFor('R3'), 'folder-1'],
    ]);
    expect([...sharing.folders]).toEqual([
      ['ana@cead-team.example', 'folder-1'],
      ['ben@cead-team.example', 'folder-2'],
    ]);
    expect(b.faults.count('sharing.share')).toBe(0);
    expect(sharing.sharedWith('doc-3')).toEqual(['ana@cead-team.example']);
  });

  it('shares a Doc an earlier run made outside the folders by itself', () => {
    const base = setup();
    // A run from before writer folders: the Doc was made in the orders folder, then writing it failed.
    base.b.faults.failNext('docs.write', new Error('Invalid requests[0]: bad index'));
    expect(base.run(response('R1', complete))).toMatchObject({ status: 'ERROR', step: 'writeLetter' });
    const sharing = new MemoryFolderSharing(base.b.faults, base.b.docs);
    const b = { ...base.b, sharing };
    const ctx = {
      settings: SETTINGS,
      orders: new Map([...b.orders.rows.values()].map((o) => [o.orderId, o])),
    };
    expect(processResponse(b, ctx, response('R1', complete)).status).toBe('DRAFTING');
    expect(b.docs.docs.map((d) => d.folderId)).toEqual([undefined]);
    expect(sharing.sharedWith('doc-1')).toEqual(['ana@cead-team.example']);
    expect(b.faults.count('sharing.share')).toBe(1);
    expect(b.faults.count('sharing.folderFor')).toBe(0);
  });

  it('a folder that cannot be made is a failed share step, and the next run finishes the order', () => {
    const { b, run } = folderSetup();
    b.faults.failNext('sharing.folderFor', new Error('Insufficient permissions for the specified parent.'));
    const first = run(response('R1', complete));
    expect(first).toMatchObject({ action: 'failed', step: 'share', status: 'ERROR' });
    expect(b.docs.docs).toHaveLength(0);
    expect(run(response('R1', complete))).toMatchObject({ status: 'DRAFTING' });
    expect(b.docs.docs.map((d) => d.folderId)).toEqual(['folder-1']);
  });
});

describe('intake of an incomplete response', () => {
  it('sets NEEDS_INFO with the problems and emails the candidate the edit link once', () => {
    const { b, run } = setup();
    const raw = { ...complete };
    delete raw[ITEMS.find((i) => i.id === 'candidate.specialty')!.title];
    const out = run(response('R1', raw));
    expect(out.status).toBe('NEEDS_INFO');
    const order = b.orders.rows.get(orderIdFor('R1'))!;
    expect(order.problems.length).toBeGreaterThan(0);
    expect(order.docId).toBe('');
    expect(b.docs.docs).toHaveLength(0);
    expect(b.mailer.sent).toHaveLength(1);
    expect(b.mailer.sent[0]!.to).toBe(complete['Your email']);
    expect(b.mailer.sent[0]!.body).toContain('https://forms.example/edit/R1');
    expect(run(response('R1', raw)).action).toBe('unchanged');
    expect(b.mailer.sent).toHaveLength(1);
  });

  it('does not email when email is off or the quota is used up, and says so', () => {
    const { b, run } = setup();
    b.mailer.quota = 0;
    run(response('R1', { 'Full name': 'Rosa Delgado', 'Your email': 'rosa@example.org' }));
    expect(b.mailer.sent).toHaveLength(0);
    expect(b.orders.rows.get(orderIdFor('R1'))).toMatchObject({
      status: 'NEEDS_INFO',
      lastError: expect.stringMatching(/quota/),
      errorStep: CANDIDATE_MAIL_STEP,
    });
  });

  it('tells the candidate whom the quota kept from being told once the sweep can', () => {
    const { b } = setup();
    const settings = SETTINGS;
    const raw = { 'Full name': 'Rosa Delgado', 'Your email': 'rosa@example.org' };
    b.responses.items.set('R1', response('R1', raw));
    b.mailer.quota = 0;
    sweep(b, { settings });
    expect(b.mailer.sent).toHaveLength(0);
    const writes = b.orders.writes;
    // Still no quota: nothing sent, nothing written, and the sweep says why.
    expect(sweep(b, { settings }).problems).toContain(
      'The daily email quota is used up: candidates are told what is missing tomorrow.',
    );
    expect(b.orders.writes).toBe(writes);
    b.mailer.quota = 5;
    sweep(b, { settings });
    expect(b.mailer.sent.map((m) => m.to)).toEqual(['rosa@example.org']);
    expect(b.mailer.sent[0]!.body).toContain('https://forms.example/edit/R1');
    expect(b.orders.rows.get(orderIdFor('R1'))).toMatchObject({
      status: 'NEEDS_INFO',
      lastError: '',
      errorStep: '',
    });
    expect(b.log.entries.at(-1)).toMatchObject({
      event: 'candidate-emailed',
      detail: expect.stringMatching(/problems$/),
    });
    sweep(b, { settings });
    expect(b.mailer.sent).toHaveLength(1);
  });

  it('drafts once the candidate completes the answers', () => {
    const { b, run } = setup();
    const partial = { ...complete };
    delete partial['Specialty you are applying to'];
    run(response('R1', partial, '2026-11-30T13:00:00.000Z'));
    const out = run(response('R1', complete, '2026-11-30T13:30:00.000Z'));
    expect(out.status).toBe('DRAFTING');
    expect(b.raw.rows).toHaveLength(2);
    expect(b.docs.docs).toHaveLength(1);
    expect(b.log.entries.map((e) => [e.from, e.to])).toEqual([
      ['NEW', 'NEEDS_INFO'],
      ['NEEDS_INFO', 'DRAFTING'],
    ]);
  });
});

describe('failures', () => {
  it('retries transient errors with truncated exponential backoff', () => {
    const { b, run } = setup();
    b.faults.failNext('docs.create', new Error('Service invoked too many times in a short time: exec qps.'));
    b.faults.failNext(
      'docs.create',
      new Error("We're sorry, a server error occurred. Please wait a bit and try again."),
    );
    const out = run(response('R1', complete));
    expect(out.status).toBe('DRAFTING');
    expect(b.docs.docs).toHaveLength(1);
    expect(b.clock.slept).toEqual([backoffMs(0, 'R1'), backoffMs(1, 'R1')]);
    expect(b.clock.slept[0]).toBeGreaterThanOrEqual(1000);
    expect(b.clock.slept[1]).toBeGreaterThanOrEqual(2000);
  });

  it('caps the backoff', () => {
    for (let n = 0; n < 12; n++) expect(backoffMs(n, 'x')).toBeLessThanOrEqual(DEFAULT_RETRY.maxMs);
    expect(backoffMs(10, 'x')).toBe(DEFAULT_RETRY.maxMs);
  });

  it('looks for a Doc the failed call may have made before creating another', () => {
    const { b, run } = setup();
    const realCreate = b.docs.create.bind(b.docs);
    let first = true;
    b.docs.create = (orderId, title, hash) => {
      const ref = realCreate(orderId, title, hash);
      if (first) {
        first = false;
        throw new Error('Internal error encountered.');
      }
      return ref;
    };
    run(response('R1', complete));
    expect(b.docs.docs).toHaveLength(1);
    expect(b.orders.rows.get(orderIdFor('R1'))!.status).toBe('DRAFTING');
  });

  it('records ERROR with the step after a permanent failure, and a retry finishes without doubling anything', () => {
    const { b, run } = setup();
    b.faults.failNext('comments.post', new Error('Invalid argument: content'));
    const out = run(response('R1', complete));
    expect(out).toMatchObject({ action: 'failed', step: 'postQuestions', status: 'ERROR' });
    const failed = b.orders.rows.get(orderIdFor('R1'))!;
    expect(failed).toMatchObject({
      status: 'ERROR',
      heldFrom: 'NEW',
      errorStep: 'postQuestions',
      docId: 'doc-1',
    });
    expect(failed.lastError).toContain('Invalid argument');
    expect(needsIntake(failed, failed.submitted)).toBe(true);
    const again = run(response('R1', complete));
    expect(again).toMatchObject({ action: 'resumed', status: 'DRAFTING' });
    expect(b.docs.docs).toHaveLength(1);
    expect(b.comments.threads.get('doc-1')).toHaveLength(2);
    expect(b.raw.rows).toHaveLength(1);
    expect(b.orders.rows.get(orderIdFor('R1'))).toMatchObject({
      lastError: '',
      errorStep: '',
      heldFrom: null,
    });
  });

  it.each([
    ['shared per Doc', false],
    ['in writer folders', true],
  ])('survives a failure at every port call of a first intake (%s)', (_mode, folders) => {
    const probe = setup(folders);
    probe.run(response('R1', complete));
    const points = probe.b.faults.calls;
    expect(points.length).toBeGreaterThan(8);
    points.forEach((method, i) => {
      const { b, run } = setup(folders);
      // Fail the i-th call: count how often this method ran before it.
      const nth = points.slice(0, i).filter((m) => m === method).length;
      const real = b.faults.hit.bind(b.faults);
      let seen = 0;
      b.faults.hit = (m: string) => {
        if (m === method && seen++ === nth) {
          b.faults.calls.push(m);
          throw new Error(`Exception: injected failure of ${m}`);
        }
        real(m);
      };
      run(response('R1', complete));
      b.faults.hit = real;
      let order: Order | undefined = b.orders.rows.get(orderIdFor('R1'));
      for (let k = 0; k < 3 && order?.status !== 'DRAFTING'; k++) {
        run(response('R1', complete));
        order = b.orders.rows.get(orderIdFor('R1'));
      }
      expect([method, i, order?.status]).toEqual([method, i, 'DRAFTING']);
      expect([method, i, b.docs.docs.length]).toEqual([method, i, 1]);
      expect([method, i, b.comments.threads.get(b.docs.docs[0]!.id)?.length]).toEqual([method, i, 2]);
      expect([method, i, b.raw.rows.length]).toEqual([method, i, 1]);
      expect(b.raw.rows[0]!.raw).toEqual(complete);
      expect([method, i, b.sharing.sharedWith(b.docs.docs[0]!.id)]).toEqual([
        method,
        i,
        ['ana@cead-team.example'],
      ]);
    });
  });
});

describe('an edited response', () => {
  it('rewrites a draft nobody has touched, and says so in a comment', () => {
    const { b, run } = setup();
    run(response('R1', complete, '2026-11-30T13:00:00.000Z'));
    const edited = { ...complete, 'Specialty you are applying to': 'Family Medicine' };
    const out = run(response('R1', edited, '2026-11-30T13:40:00.000Z'));
    expect(out.action).toBe('updated');
    expect(b.docs.docs[0]!.text).toContain('Family Medicine');
    const last = b.comments.threads.get('doc-1')!.at(-1)!;
    expect(last.text).toContain('[CEAD answers edited 2026-11-30T08:40:00-05:00]');
    expect(last.text).toContain('Family Medicine');
    expect(b.orders.rows.get(orderIdFor('R1'))!.specialty).toBe('Family Medicine');
    expect(b.raw.rows).toHaveLength(2);
  });

  it('never overwrites a draft the team has edited: the changes go in a comment, once', () => {
    const { b, run } = setup();
    run(response('R1', complete, '2026-11-30T13:00:00.000Z'));
    b.docs.docs[0]!.text += '\nA sentence the writer added.';
    const before = b.docs.docs[0]!.text;
    const edited = { ...complete, 'Specialty you are applying to': 'Family Medicine' };
    run(response('R1', edited, '2026-11-30T13:40:00.000Z'));
    expect(b.docs.docs[0]!.text).toBe(before);
    const comments = b.comments.threads.get('doc-1')!;
    expect(comments.at(-1)!.text).toMatch(
      /not changed.*\n• Specialty you are applying to: “Family Medicine”/s,
    );
    expect(run(response('R1', edited, '2026-11-30T13:40:00.000Z')).action).toBe('unchanged');
    expect(b.comments.threads.get('doc-1')).toHaveLength(comments.length);
  });

  it('keeps what a writer typed after the check: the draft stays, and the comment says it was not changed', () => {
    const { b, run } = setup();
    run(response('R1', complete, '2026-11-30T13:00:00.000Z'));
    // The draft was untouched when intake read it, and the writer types just before the rewrite.
    b.docs.beforeReplace = (id) => {
      b.docs.docs.find((d) => d.id === id)!.text += '\nTyped at the worst moment.';
    };
    const edited = { ...complete, 'Specialty you are applying to': 'Family Medicine' };
    expect(run(response('R1', edited, '2026-11-30T13:40:00.000Z')).action).toBe('updated');
    expect(b.docs.docs[0]!.text).toContain('Typed at the worst moment.');
    expect(b.docs.docs[0]!.text).not.toContain('Family Medicine');
    expect(b.comments.threads.get('doc-1')!.at(-1)!.text).toMatch(/not changed/);
    expect(b.log.entries.at(-1)!.detail).toContain('changes posted as a comment');
  });

  it('records the Model rewrite cell of the draft in the Doc: a re-draft replaces it, an edited draft keeps it', () => {
    const { b, run } = setup();
    // A drafter whose model pass names the specialty it drafted, so each pass's cell can be told apart.
    b.draft = (answers, context) => ({
      ...testDrafter(answers, context),
      modelRewrite: `${context.date} m (prompt p): rewrote ${answers['candidate.specialty']}`,
    });
    const id = orderIdFor('R1');
    run(response('R1', complete, '2026-11-30T13:00:00.000Z'));
    expect(b.orders.rows.get(id)!.modelRewrite).toBe('2026-11-30 m (prompt p): rewrote Internal Medicine');
    const edited = { ...complete, 'Specialty you are applying to': 'Family Medicine' };
    run(response('R1', edited, '2026-11-30T13:40:00.000Z'));
    expect(b.orders.rows.get(id)!.modelRewrite).toBe('2026-11-30 m (prompt p): rewrote Family Medicine');
    b.docs.docs[0]!.text += '\nA sentence the writer added.';
    run(
      response(
        'R1',
        { ...edited, 'Specialty you are applying to': 'Pediatrics' },
        '2026-11-30T14:00:00.000Z',
      ),
    );
    expect(b.orders.rows.get(id)!.modelRewrite).toBe('2026-11-30 m (prompt p): rewrote Family Medicine');
  });

  it('starts the clock when an edit gives the on-demand conference date, and moves the due date with the package', () => {
    const { b, run } = setup();
    const onDemand: Record<string, string> = { ...complete, Package: 'on-demand' };
    delete onDemand['Date of the video conference with the physician (on-demand only)'];
    run(response('R1', onDemand, '2026-11-30T13:00:00.000Z'));
    const id = orderIdFor('R1');
    expect(b.orders.rows.get(id)).toMatchObject({ status: 'DRAFTING', start: null, currentDue: null });
    expect(b.orders.rows.get(id)!.lastError).toMatch(/conference date/);

    const dated = {
      ...onDemand,
      'Date of the video conference with the physician (on-demand only)': '12/02/2026',
    };
    run(response('R1', dated, '2026-11-30T13:20:00.000Z'));
    expect(b.orders.rows.get(id)).toMatchObject({
      start: '2026-12-02',
      originalDue: '2026-12-08',
      currentDue: '2026-12-08',
      lastError: '',
    });

    run(response('R1', { ...dated, Package: 'standard' }, '2026-11-30T13:40:00.000Z'));
    // A standard clock starts at the complete answers: this version, the first complete for that package.
    expect(b.orders.rows.get(id)).toMatchObject({ package: 'standard', start: '2026-11-30' });
    expect(b.orders.rows.get(id)!.originalDue).toBe('2027-01-13');
  });

  it('sends a draft waiting in NEEDS_INFO back to DRAFTING when the edit completes the answers, ending the pause', () => {
    const { b, run } = setup();
    run(response('R1', complete, '2026-11-30T13:00:00.000Z'));
    const id = orderIdFor('R1');
    const drafted = b.orders.rows.get(id)!;
    // A writer sends the draft back for information on Tuesday.
    const sent = moveOrder(drafted, 'NEEDS_INFO', 'writer', {
      today: '2026-12-01',
      now: '2026-12-01T10:00:00-05:00',
    });
    if (!sent.ok) throw new Error(sent.reason);
    b.orders.rows.set(id, sent.order);
    expect(sent.order.pausedSince).toBe('2026-12-01');

    // The candidate's edit on Friday completes the answers.
    b.clock.ms = Date.parse('2026-12-04T15:00:00Z');
    const edited = { ...complete, 'Specialty you are applying to': 'Family Medicine' };
    const out = run(response('R1', edited, '2026-12-04T14:00:00.000Z'));
    expect(out.status).toBe('DRAFTING');
    const order = b.orders.rows.get(id)!;
    expect(order).toMatchObject({ status: 'DRAFTING', pausedSince: null, problems: [], docId: 'doc-1' });
    expect(order.pausedDays).toBeGreaterThan(0);
    expect(order.currentDue! > order.originalDue!).toBe(true);
    expect(b.log.entries.at(-1)).toMatchObject({
      event: 'answers-edited',
      actor: 'system',
      from: 'NEEDS_INFO',
      to: 'DRAFTING',
    });
    const last = b.comments.threads.get('doc-1')!.at(-1)!;
    expect(last.text).toContain('[CEAD answers edited 2026-12-04T09:00:00-05:00]');
    expect(last.text).toContain('Family Medicine');
  });

  it('lists changed answers by title', () => {
    expect(changedAnswers({ a: '1', b: '2' }, { a: '1', b: '3', c: '4' })).toEqual([
      { title: 'b', value: '3' },
      { title: 'c', value: '4' },
    ]);
    expect(changedAnswers({ a: '1', b: '2' }, { a: '1' })).toEqual([{ title: 'b', value: '' }]);
  });
});
