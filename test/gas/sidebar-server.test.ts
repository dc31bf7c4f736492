/**
 * The sidebar's server functions against the tracker, the Doc (Docs emulator) and its comments: each action
 * for each role, a full editing session, the team's own comments mixed in, regenerate and export.
 */
import { parseMarker } from '../../src/core/editing-session';
import { composeLetter } from '../../src/core/letter/compose';
import { renderDocsRequests } from '../../src/core/letter/render-docs';
import { NOT_AUTHORIZED } from '../../src/core/sidebar-access';
import type { ApiResult, SidebarApi } from '../../src/gas/sidebar-api';
import { failureLine, occurrenceAt } from '../../src/gas/sidebar-server';
import { DocsEmulator } from '../fakes/docs-emulator';
import { CANDIDATE, createSidebarWorld, OUTSIDER, type SidebarWorld, TEAM } from './sidebar-world';

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.value;
}

function refusal<T>(result: ApiResult<T>): string {
  if (result.ok) throw new Error('expected a refusal, got a success');
  return result.error;
}

/** Fills the choices the draft leaves for the recommender, as a writer would before exporting. */
function settleDraft(w: SidebarWorld) {
  const text = w.services.documents.text(w.documentId);
  const requests = [...text.matchAll(/⟦[^⟧]*⟧/g)].map((m) => ({
    replaceAllText: {
      containsText: { text: m[0], matchCase: true },
      replaceText: m[0].startsWith('⟦date')
        ? 'April 6, 2026'
        : 'She is the best student I have supervised this year.',
    },
  }));
  if (requests.length > 0) w.docs.batchUpdate({ requests }, w.documentId);
}

/** One call of each server function, with arguments that are valid for an order in DRAFTING or EDITING. */
const CALLS: Record<keyof SidebarApi, (api: SidebarApi, w: SidebarWorld) => ApiResult<unknown>> = {
  getSidebarState: (api) => api.getSidebarState(),
  checkLetter: (api) => api.checkLetter(),
  selectFinding: (api) => api.selectFinding({ excerpt: 'Dr. Delgado', start: 0, end: 11 }),
  listThreads: (api) => api.listThreads(),
  startSession: (api) =>
    api.startSession({
      session: 1,
      openQuestionIds: [],
      findings: [],
      writerQuestions: [{ text: 'How many weeks?' }],
    }),
  closeSession: (api, w) => api.closeSession({ session: w.order().session, deferrals: [] }),
  changeStatus: (api) => api.changeStatus({ to: 'PHYSICIAN_REVIEW' }),
  regenerateSection: (api) => api.regenerateSection({ sectionId: 'patientCare' }),
  suggestRewrite: (api) => api.suggestRewrite({ sectionId: 'patientCare' }),
  decideRewrite: (api) =>
    api.decideRewrite({ sectionId: 'patientCare', decision: 'reject', proposal: '', current: '' }),
  exportPdf: (api) => api.exportPdf(),
};

describe('authorization', () => {
  it('answers anyone outside the team with "not authorized" and no order data, on every function', () => {
    const w = createSidebarWorld();
    w.signIn(OUTSIDER);
    for (const [name, call] of Object.entries(CALLS)) {
      const error = refusal(call(w.server, w));
      expect([name, error]).toEqual([name, NOT_AUTHORIZED]);
    }
    // The candidate, who can open and comment on the Doc, is outside the team too.
    w.signIn(CANDIDATE.email);
    expect(refusal(w.server.getSidebarState())).toBe(NOT_AUTHORIZED);
    expect(w.comments).toHaveLength(0);
    expect(w.log).toHaveLength(0);
    expect(w.order().status).toBe('DRAFTING');
  });

  it('refuses everyone when Google does not disclose the caller’s email', () => {
    const w = createSidebarWorld();
    w.signIn('');
    expect(refusal(w.server.getSidebarState())).toBe(NOT_AUTHORIZED);
  });

  // Which role may do each action from a DRAFTING order (closeSession from EDITING).
  const EXPECTED: Record<keyof SidebarApi, Record<'writer' | 'reviewer' | 'manager', true | RegExp>> = {
    getSidebarState: { writer: true, reviewer: true, manager: true },
    checkLetter: { writer: true, reviewer: true, manager: true },
    selectFinding: { writer: true, reviewer: true, manager: true },
    listThreads: { writer: true, reviewer: true, manager: true },
    startSession: {
      writer: true,
      reviewer: /^Only writers and managers can start an editing session; you are a reviewer\.$/,
      manager: true,
    },
    closeSession: {
      writer: true,
      reviewer: /^Only writers and managers can close an editing session; you are a reviewer\.$/,
      manager: true,
    },
    changeStatus: {
      writer: true,
      reviewer:
        /^A physician reviewer cannot move an order from DRAFTING to PHYSICIAN_REVIEW; only a writer or a manager can\.$/,
      manager: true,
    },
    regenerateSection: {
      writer: true,
      reviewer: /^Only writers and managers can regenerate a section; you are a reviewer\.$/,
      manager: true,
    },
    // The example world has model assist off: the team's switch is the first thing a writer is told.
    suggestRewrite: {
      writer: /^Model assist is off in the Settings sheet/,
      reviewer: /^Only writers and managers can ask a model to suggest a rewrite; you are a reviewer\.$/,
      manager: /^Model assist is off in the Settings sheet/,
    },
    decideRewrite: {
      writer: /^Model assist is off in the Settings sheet/,
      reviewer: /^Only writers and managers can ask a model to suggest a rewrite; you are a reviewer\.$/,
      manager: /^Model assist is off in the Settings sheet/,
    },
    exportPdf: { writer: true, reviewer: true, manager: true },
  };

  for (const [name, byRole] of Object.entries(EXPECTED) as [
    keyof SidebarApi,
    (typeof EXPECTED)[keyof SidebarApi],
  ][]) {
    for (const [role, expected] of Object.entries(byRole) as [
      'writer' | 'reviewer' | 'manager',
      true | RegExp,
    ][]) {
      it(`${name} as ${role}: ${expected === true ? 'allowed' : 'refused'}`, () => {
        const w = createSidebarWorld({ status: name === 'closeSession' ? 'EDITING' : 'DRAFTING' });
        if (name === 'closeSession') w.setOrder({ session: 1 });
        if (name === 'exportPdf') settleDraft(w);
        w.signIn(TEAM[role].email);
        const result = CALLS[name](w.server, w);
        if (expected === true) {
          expect([name, role, result.ok ? 'ok' : result.error]).toEqual([name, role, 'ok']);
          // Results cross google.script.run as JSON: nothing may be lost on the way.
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        } else {
          expect(refusal(result)).toMatch(expected);
        }
      });
    }
  }

  it('shows the reviewer the status moves a reviewer may not make, disabled with the reason', () => {
    const w = createSidebarWorld({ status: 'PHYSICIAN_REVIEW' });
    w.signIn(TEAM.writer.email);
    const asWriter = value(w.server.getSidebarState());
    expect(asWriter.statusActions.map((a) => [a.to, a.allowed])).toEqual([
      ['DRAFTING', false],
      ['CANDIDATE_REVIEW', false],
      ['FINALIZED', false],
      ['ON_HOLD', false],
      ['CANCELLED', false],
    ]);
    w.signIn(TEAM.reviewer.email);
    const asReviewer = value(w.server.getSidebarState());
    const finalize = asReviewer.statusActions.find((a) => a.to === 'FINALIZED')!;
    expect(finalize).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/error-level findings?; fix/),
    });
    expect(asReviewer.statusActions.find((a) => a.to === 'CANDIDATE_REVIEW')).toMatchObject({
      allowed: true,
    });
    expect(asReviewer.actions.startSession).toEqual({
      allowed: false,
      reason: 'Only writers and managers can start an editing session; you are a reviewer.',
    });
  });
});

describe('an order waiting in NEEDS_INFO', () => {
  it('offers a writer the move back to DRAFTING, since the order has its draft', () => {
    const w = createSidebarWorld({ status: 'NEEDS_INFO' });
    w.signIn(TEAM.writer.email);
    const state = value(w.server.getSidebarState());
    expect(state.statusActions.find((a) => a.to === 'DRAFTING')).toMatchObject({ allowed: true });
    expect(value(w.server.changeStatus({ to: 'DRAFTING' }))).toBeDefined();
  });
});

describe('a full editing session', () => {
  it('starts, collects the candidate’s replies, and closes with one thread deferred', () => {
    const w = createSidebarWorld();
    w.signIn(TEAM.writer.email);
    const before = value(w.server.getSidebarState());
    const question = before.openQuestions.find((q) => q.id.startsWith('comparison'))!;
    const finding = value(w.server.checkLetter()).findings[0]!;

    w.advance('2026-04-07T15:00:00.000Z');
    const started = value(
      w.server.startSession({
        session: before.nextSession,
        openQuestionIds: [question.id],
        findings: [{ code: finding.code, message: finding.message, excerpt: finding.excerpt }],
        writerQuestions: [{ text: 'What did the family say after the meeting?' }],
      }),
    );
    expect(started.order).toMatchObject({ status: 'EDITING', session: 1 });
    expect(w.order()).toMatchObject({
      status: 'EDITING',
      session: 1,
      openThreads: 3,
      pausedSince: '2026-04-07',
    });
    expect(w.comments.map((c) => [c.text.slice(0, 13), c.quoted?.slice(0, 20), c.anchored])).toEqual([
      // The marker number is the question's place among the draft's open questions.
      [`[CEAD s1-q${before.openQuestions.indexOf(question) + 1}] `, question.passage!.slice(0, 20), false],
      ['[CEAD s1-f1] ', finding.excerpt.slice(0, 20), false],
      ['[CEAD s1-w1] ', undefined, false],
    ]);
    expect(w.shares).toEqual([
      {
        docId: w.documentId,
        email: CANDIDATE.email,
        role: 'commenter',
        message:
          'We have a few questions about your letter draft (editing session 1). Please reply in the comment threads of this document; you can comment but not edit. Thank you!',
      },
    ]);
    expect(w.log.at(-1)).toMatchObject({
      event: 'session-opened',
      from: 'DRAFTING',
      to: 'EDITING',
      actor: TEAM.writer.email,
    });
    expect(started.sessions).toEqual([
      { round: 1, current: true, total: 3, open: 3, answered: 0, resolved: 0, deferred: 0 },
    ]);
    expect(started.actions.startSession.allowed).toBe(false);
    expect(started.actions.closeSession.allowed).toBe(true);

    // The candidate answers two of the three; the writer resolves those.
    const [q1, f1, w1] = w.comments.map((c) => c.id);
    w.advance('2026-04-08T16:00:00.000Z');
    w.userReply(CANDIDATE.email, q1!, 'About 60 students over eight years; I was in the top five.');
    w.userReply(CANDIDATE.email, f1!, 'The date should be March 27.');
    const answered = value(w.server.listThreads());
    expect(answered.threads.map((t) => [t.id, t.state])).toEqual([
      [q1, 'answered'],
      [f1, 'answered'],
      [w1, 'open'],
    ]);
    w.userReply(TEAM.writer.email, q1!, 'Thanks, added.', 'resolve');
    w.userReply(TEAM.writer.email, f1!, '', 'resolve');

    // Closing needs the last thread resolved or deferred with a reason.
    expect(refusal(w.server.closeSession({ session: 1, deferrals: [] }))).toBe(
      'Resolve or defer (with a reason) every thread of session 1 first: [CEAD s1-w1].',
    );
    expect(refusal(w.server.closeSession({ session: 1, deferrals: [{ threadId: w1!, reason: '  ' }] }))).toBe(
      'Give a reason for deferring [CEAD s1-w1].',
    );
    w.advance('2026-04-09T17:00:00.000Z');
    const closed = value(
      w.server.closeSession({ session: 1, deferrals: [{ threadId: w1!, reason: 'Ask Dr. Chen instead' }] }),
    );
    expect(closed.order).toMatchObject({ status: 'DRAFTING', session: 1 });
    expect(w.order()).toMatchObject({ status: 'DRAFTING', openThreads: 0, pausedSince: null, pausedDays: 2 });
    expect(w.comments[2]).toMatchObject({
      resolved: true,
      replies: [{ text: '[CEAD deferred] Ask Dr. Chen instead', action: 'resolve' }],
    });
    expect(closed.sessions).toEqual([
      { round: 1, current: false, total: 3, open: 0, answered: 0, resolved: 3, deferred: 1 },
    ]);
    expect(closed.threads.find((t) => t.id === w1)).toMatchObject({
      state: 'resolved',
      deferredReason: 'Ask Dr. Chen instead',
    });
    expect(w.log.at(-1)).toMatchObject({
      event: 'session-closed',
      from: 'EDITING',
      to: 'DRAFTING',
      detail: 'Session 1 closed: 3 threads, 2 resolved, 1 deferred.',
    });
    expect(closed.nextSession).toBe(2);
  });

  it('takes in the questions intake already posted as session 1, without posting them again', () => {
    const w = createSidebarWorld({ intakeQuestions: true });
    const before = value(w.server.getSidebarState());
    const intake = w.comments.length;
    expect(intake).toBe(before.openQuestions.length);
    expect(before.openQuestions.every((q) => q.posted)).toBe(true);
    expect(before.sessions).toEqual([
      { round: 1, current: false, total: intake, open: intake, answered: 0, resolved: 0, deferred: 0 },
    ]);
    const started = value(
      w.server.startSession({
        session: 1,
        openQuestionIds: [before.openQuestions[2]!.id],
        findings: [],
        writerQuestions: [{ text: 'Anything else?' }],
      }),
    );
    expect(w.comments.map((c) => c.text.slice(0, 13))).toEqual([
      ...before.openQuestions.map((_, i) => `[CEAD s1-q${i + 1}] `),
      '[CEAD s1-w1] ',
    ]);
    expect(started.sessions[0]).toMatchObject({ round: 1, current: true, total: intake + 1 });
  });

  it('posts each question once when a start is retried after a failure half way', () => {
    const w = createSidebarWorld();
    const post = w.services.comments.post;
    let calls = 0;
    (w.services.comments as { post: typeof post }).post = (...args) => {
      if (++calls === 2)
        throw new Error('API call to drive.comments.create failed with error: Internal Error');
      return post(...args);
    };
    const request = {
      session: 1,
      openQuestionIds: [],
      findings: [],
      writerQuestions: [{ text: 'One?' }, { text: 'Two?' }],
    };
    expect(refusal(w.server.startSession(request))).toBe(
      'Google is busy right now; try again in a minute. (API call to drive.comments.create failed with error: Internal Error)',
    );
    expect(w.order().status).toBe('DRAFTING');
    value(w.server.startSession(request));
    expect(w.comments.map((c) => c.text)).toEqual(['[CEAD s1-w1] One?', '[CEAD s1-w2] Two?']);
  });

  it('refuses a stale session number, an order not in DRAFTING, and a busy tracker', () => {
    const w = createSidebarWorld();
    const start = (session: number) =>
      w.server.startSession({
        session,
        openQuestionIds: [],
        findings: [],
        writerQuestions: [{ text: 'Q?' }],
      });
    expect(refusal(start(2))).toBe('The next session is 1, not 2; reload the sidebar.');
    w.holdLock();
    expect(refusal(start(1))).toBe('Another change to the tracker is running; try again in a moment.');
    const review = createSidebarWorld({ status: 'PHYSICIAN_REVIEW' });
    expect(
      refusal(
        review.server.startSession({
          session: 1,
          openQuestionIds: [],
          findings: [],
          writerQuestions: [{ text: 'Q?' }],
        }),
      ),
    ).toBe('Sessions start from DRAFTING; the order is PHYSICIAN_REVIEW.');
    expect(refusal(review.server.changeStatus({ to: 'EDITING' }))).toBe(
      'Use "Start session" to open an editing session.',
    );
  });
});

describe('the team’s own comments', () => {
  it('are listed beside CEAD’s threads with their own states, and do not hold up closing a session', () => {
    const w = createSidebarWorld();
    w.userComment(TEAM.reviewer.email, 'Tighten this sentence.', 'Dr. Delgado');
    const own = w.userComment(CANDIDATE.email, 'Please write my name as Rosa María.', 'Rosa Delgado');
    value(
      w.server.startSession({
        session: 1,
        openQuestionIds: [],
        findings: [],
        writerQuestions: [{ text: 'Weeks?' }],
      }),
    );
    const view = value(w.server.listThreads());
    expect(view.threads.map((t) => [t.origin, t.state, t.anchored, t.author])).toEqual([
      ['cead', 'open', false, TEAM.writer.name],
      ['team', 'open', true, TEAM.reviewer.name],
      ['candidate', 'answered', true, CANDIDATE.name],
    ]);
    w.userReply(TEAM.writer.email, own, 'Done.', 'resolve');
    const cead = w.comments.find((c) => parseMarker(c.text))!;
    w.userReply(TEAM.writer.email, cead.id, '', 'resolve');
    const closed = value(w.server.closeSession({ session: 1, deferrals: [] }));
    expect(closed.sessions).toEqual([
      { round: 1, current: false, total: 1, open: 0, answered: 0, resolved: 1, deferred: 0 },
    ]);
    // The reviewer's comment is still open and counted as open in the tracker.
    expect(w.order().openThreads).toBe(1);
  });
});

describe('regenerateSection', () => {
  it('rewrites one section from the answers and keeps every other character as it was', () => {
    const w = createSidebarWorld();
    const name = 'cead:patientCare';
    const range = () => w.services.structure.namedRanges(w.documentId, name)[0]!;
    // The writer edits the section and the letter around it.
    w.docs.batchUpdate(
      { requests: [{ insertText: { text: ' (edited by Ana)', location: { index: range().endIndex - 1 } } }] },
      w.documentId,
    );
    const closing = w.services.structure.namedRanges(w.documentId, 'cead:closing')[0]!;
    w.docs.batchUpdate(
      { requests: [{ insertText: { text: 'Warm regards. ', location: { index: closing.startIndex } } }] },
      w.documentId,
    );
    const before = w.docs.getText(w.documentId);
    const parasBefore = w.docs.paragraphs(w.documentId);
    const old = range();
    const result = value(w.server.regenerateSection({ sectionId: 'patientCare' }));
    expect(result.section).toEqual({ sectionId: 'patientCare', title: 'Patient Care' });
    const after = w.docs.getText(w.documentId);
    const now = range();
    expect(after.slice(0, now.startIndex - 1)).toBe(before.slice(0, old.startIndex - 1));
    expect(after.slice(now.endIndex - 1)).toBe(before.slice(old.endIndex - 1));
    const fresh = composeLetter(w.answers).blocks.find((b) => b.sectionId === 'patientCare')!;
    expect(after.slice(now.startIndex - 1, now.endIndex - 1)).toBe(
      fresh.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n'),
    );
    // Paragraphs outside the section keep their text and styles exactly.
    const outside = (
      paras: ReturnType<typeof w.docs.paragraphs>,
      r: { startIndex: number; endIndex: number },
    ) =>
      paras
        .filter((p) => p.endIndex <= r.startIndex || p.startIndex > r.endIndex)
        .map((p) => [p.text, p.style, p.runs.map((x) => [x.text, x.style])]);
    expect(outside(w.docs.paragraphs(w.documentId), now)).toEqual(outside(parasBefore, old));
    // And the section looks as it does in a letter rendered from scratch: same runs, same styles.
    const pristine = new DocsEmulator();
    const { documentId: id } = pristine.create({});
    pristine.batchUpdate({ requests: renderDocsRequests(composeLetter(w.answers)) }, id);
    const p0 = pristine.namedRanges(id).find((r) => r.name === name)!;
    const look = (paras: ReturnType<typeof w.docs.paragraphs>, start: number) =>
      paras
        .filter((p) => p.startIndex === start)
        .map((p) => [p.text, p.style, p.runs.map((x) => [x.text, x.style])]);
    expect(look(w.docs.paragraphs(w.documentId), now.startIndex)).toEqual(
      look(pristine.paragraphs(id), p0.startIndex),
    );
    expect(after).toContain('Warm regards. ');
    expect(w.log.at(-1)).toMatchObject({ event: 'section-regenerated', detail: 'patientCare' });
  });

  it('refuses a split or lost section marker, a finished letter, and a section that is not a competency', () => {
    const w = createSidebarWorld();
    expect(refusal(w.server.regenerateSection({ sectionId: 'closing' }))).toBe(
      '"closing" is not a competency section.',
    );
    w.docs.batchUpdate({ requests: [{ deleteNamedRange: { name: 'cead:professionalism' } }] }, w.documentId);
    expect(refusal(w.server.regenerateSection({ sectionId: 'professionalism' }))).toBe(
      'The Professionalism section has lost its marker; edit it by hand.',
    );
    const r = w.services.structure.namedRanges(w.documentId, 'cead:communication')[0]!;
    w.docs.batchUpdate(
      {
        requests: [
          {
            createNamedRange: {
              name: 'cead:communication',
              range: { startIndex: r.startIndex, endIndex: r.startIndex + 3 },
            },
          },
        ],
      },
      w.documentId,
    );
    expect(refusal(w.server.regenerateSection({ sectionId: 'communication' }))).toMatch(
      /split the Interpersonal and Communication Skills section/,
    );
    const done = createSidebarWorld({ status: 'FINALIZED' });
    expect(refusal(done.server.regenerateSection({ sectionId: 'patientCare' }))).toBe(
      'The order is FINALIZED; a finished letter is not regenerated.',
    );
  });
});

describe('checkLetter and selectFinding', () => {
  it('selects the occurrence of the excerpt that the finding points at', () => {
    const w = createSidebarWorld();
    const text = w.services.documents.text(w.documentId);
    const second = text.indexOf('Dr. Delgado', text.indexOf('Dr. Delgado') + 1);
    expect(
      value(w.server.selectFinding({ excerpt: 'Dr. Delgado', start: second, end: second + 11 })),
    ).toEqual({
      selected: true,
      message: 'Selected in the document.',
    });
    expect(w.selections).toEqual([{ text: 'Dr. Delgado', occurrence: 1 }]);
    expect(value(w.server.selectFinding({ excerpt: '', start: 0, end: 0 })).selected).toBe(false);
    expect(value(w.server.selectFinding({ excerpt: 'not in the letter', start: 5, end: 9 })).message).toBe(
      'That passage is no longer in the document; run the check again.',
    );
  });

  it('counts occurrences before an offset', () => {
    expect(occurrenceAt('a b a b a', 'a', 0)).toBe(0);
    expect(occurrenceAt('a b a b a', 'a', 4)).toBe(1);
    expect(occurrenceAt('a b a b a', 'a', 9)).toBe(3);
  });
});

describe('exportPdf', () => {
  it('is refused while the check reports errors', () => {
    const w = createSidebarWorld();
    expect(refusal(w.server.exportPdf())).toBe('The letter check reports 1 error; fix it before exporting.');
    expect(w.pdfs).toHaveLength(0);
  });

  it('saves a US Letter PDF with a safe name and logs its link', () => {
    const w = createSidebarWorld();
    settleDraft(w);
    w.docs.batchUpdate(
      {
        requests: [
          {
            updateDocumentStyle: {
              documentStyle: {
                pageSize: {
                  width: { magnitude: 595.276, unit: 'PT' },
                  height: { magnitude: 841.89, unit: 'PT' },
                },
              },
              fields: 'pageSize',
            },
          },
        ],
      },
      w.documentId,
    );
    const pdf = value(w.server.exportPdf());
    expect(pdf.name).toBe('Rosa Delgado - LOR - Michael Chen.pdf');
    expect(w.services.structure.pageSize(w.documentId)).toEqual({ width: 612, height: 792 });
    expect(w.log.at(-1)).toMatchObject({ event: 'pdf-exported', detail: `${pdf.name} ${pdf.url}` });
  });

  it('records the PDF’s link on the order, so the tracker links it and the sidebar shows it after a reload', () => {
    const w = createSidebarWorld();
    settleDraft(w);
    expect(value(w.server.getSidebarState()).pdf).toBeNull();
    const pdf = value(w.server.exportPdf());
    expect(w.order().pdfUrl).toBe(pdf.url);
    expect(w.order().pdfUrl).not.toBe('');
    expect(value(w.server.getSidebarState()).pdf).toEqual({ name: pdf.name, url: pdf.url });
  });

  it('leaves the order’s PDF link alone when the export is refused', () => {
    const w = createSidebarWorld({ pdfBytes: 1_200_000 });
    settleDraft(w);
    refusal(w.server.exportPdf());
    expect(w.order().pdfUrl).toBe('');
    expect(value(w.server.getSidebarState()).pdf).toBeNull();
  });

  it('removes a PDF over 1 MB and says so', () => {
    const w = createSidebarWorld({ pdfBytes: 1_200_000 });
    settleDraft(w);
    expect(refusal(w.server.exportPdf())).toBe(
      'The PDF is 1200 KB, over the ERAS limit of 1 MB; remove images from the letter and export again.',
    );
    expect(w.pdfs).toEqual([expect.objectContaining({ removed: true })]);
  });
});

describe('failures', () => {
  it('become one line, marked transient when a retry will help', () => {
    expect(failureLine(new Error('Service invoked too many times in a short time: exec qps.\n at x'))).toBe(
      'Google is busy right now; try again in a minute. (Service invoked too many times in a short time: exec qps.)',
    );
    expect(failureLine(new Error('Exception: Invalid argument: id'))).toBe(
      'Something went wrong: Exception: Invalid argument: id',
    );
  });

  it('say when the open document is not a CEAD letter', () => {
    const w = createSidebarWorld();
    (w.services.activeDocument as { id: () => string }).id = () => 'unrelated-doc';
    expect(refusal(w.server.getSidebarState())).toBe(
      'This document is not a CEAD letter: no order in the tracker links to it.',
    );
  });
});
