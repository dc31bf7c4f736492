import {
  type CommentThread,
  countSession,
  describeRecord,
  formatMarker,
  isTeamAuthor,
  lastSessionNumber,
  MAX_QUOTE_LENGTH,
  parseMarker,
  planClose,
  planSession,
  type TeamDirectory,
  threadState,
  threadsOfSession,
  viewThread,
  viewThreads,
} from '../../src/core/editing-session';

const team: TeamDirectory = { emails: ['ana.writer@example.org'], names: ['Ana Writer', 'Ben Reviewer'] };
const writer = { name: 'Ana Writer', email: 'ana.writer@example.org' };
const candidate = { name: 'Rosa Delgado' };

function thread(partial: Partial<CommentThread> & { id: string; text: string }): CommentThread {
  return {
    author: writer,
    time: '2026-04-01T10:00:00.000Z',
    anchored: false,
    resolved: false,
    replies: [],
    ...partial,
  };
}
const reply = (
  id: string,
  author: { name: string; email?: string },
  text: string,
  time: string,
  action?: 'resolve' | 'reopen',
) => ({
  id,
  author,
  text,
  time,
  ...(action ? { action } : {}),
});

describe('markers', () => {
  it('round-trips a marker and reads it only at the start of the text', () => {
    const marker = { session: 2, kind: 'f' as const, index: 3 };
    expect(formatMarker(marker)).toBe('[CEAD s2-f3]');
    expect(parseMarker(' [CEAD s2-f3] Is this right?')).toEqual(marker);
    expect(parseMarker('See [CEAD s2-f3]')).toBeUndefined();
    expect(parseMarker('[CEAD s0-q1] zero is not a session')).toBeUndefined();
    expect(parseMarker('[CEAD s1-x1] unknown kind')).toBeUndefined();
  });
});

describe('team authors', () => {
  it('matches by email, by display name (Drive hides emails) and by Drive’s me flag, ignoring case', () => {
    expect(isTeamAuthor({ name: 'x', email: 'ANA.writer@example.org ' }, team)).toBe(true);
    expect(isTeamAuthor({ name: 'ben  reviewer' }, team)).toBe(true);
    expect(isTeamAuthor({ name: 'Someone', me: true }, team)).toBe(true);
    expect(isTeamAuthor(candidate, team)).toBe(false);
    expect(isTeamAuthor({ name: '' }, { emails: [], names: [''] })).toBe(false);
  });
});

describe('thread state', () => {
  const asked = thread({ id: 'c1', text: '[CEAD s1-q1] How many weeks?' });
  it('is open while nobody outside the team has replied', () => {
    expect(threadState(asked, team)).toBe('open');
  });
  it('is answered when the candidate replied last, open again after a team reply, resolved when resolved', () => {
    const answered = { ...asked, replies: [reply('r1', candidate, 'Four weeks.', '2026-04-02T09:00:00Z')] };
    expect(threadState(answered, team)).toBe('answered');
    const followedUp = {
      ...answered,
      replies: [...answered.replies, reply('r2', writer, 'Full time?', '2026-04-02T10:00:00Z')],
    };
    expect(threadState(followedUp, team)).toBe('open');
    expect(threadState({ ...followedUp, resolved: true }, team)).toBe('resolved');
  });
  it('ignores empty replies that only carry an action', () => {
    const t = {
      ...asked,
      replies: [
        reply('r1', candidate, 'Yes', '2026-04-02T09:00:00Z'),
        reply('r2', writer, '', '2026-04-02T10:00:00Z', 'reopen'),
      ],
    };
    expect(threadState(t, team)).toBe('answered');
  });
  it('treats a candidate’s own new comment as waiting on the team', () => {
    expect(
      threadState(thread({ id: 'c9', text: 'Please use my middle name', author: candidate }), team),
    ).toBe('answered');
  });
});

describe('views', () => {
  const threads: CommentThread[] = [
    thread({
      id: 'team1',
      text: 'tighten this',
      anchored: true,
      quoted: 'worked hard',
      time: '2026-03-30T00:00:00Z',
    }),
    thread({ id: 'c3', text: '[CEAD s2-w1] One more thing?', time: '2026-04-05T00:00:00Z' }),
    thread({ id: 'c2', text: '[CEAD s1-f1] Please check', time: '2026-04-01T00:00:00Z' }),
    thread({ id: 'c1', text: '[CEAD s1-q1] How many weeks?', time: '2026-04-01T00:00:00Z' }),
    thread({ id: 'cand', text: 'My name has an accent', author: candidate, time: '2026-03-31T00:00:00Z' }),
  ];
  it('orders CEAD threads by session, kind and index, then the others oldest first, and strips markers', () => {
    const views = viewThreads(threads, team);
    expect(views.map((v) => [v.id, v.origin])).toEqual([
      ['c1', 'cead'],
      ['c2', 'cead'],
      ['c3', 'cead'],
      ['team1', 'team'],
      ['cand', 'candidate'],
    ]);
    expect(views[0]!.text).toBe('How many weeks?');
    expect(views[3]).toMatchObject({ anchored: true, quoted: 'worked hard', state: 'open' });
  });
  it('groups threads by session and finds the last session', () => {
    expect(threadsOfSession(threads, 1).map((t) => t.id)).toEqual(['c2', 'c1']);
    expect(lastSessionNumber(threads)).toBe(2);
    expect(lastSessionNumber([])).toBe(0);
  });
  it('reports the last activity across replies', () => {
    const t = { ...threads[3]!, replies: [reply('r', candidate, 'x', '2026-04-09T00:00:00Z')] };
    expect(viewThread(t, team).lastActivity).toBe('2026-04-09T00:00:00Z');
  });
});

describe('planSession', () => {
  const request = {
    session: 1,
    openQuestions: [{ id: 'comparison', question: 'How do you compare?', passage: 'among the top [X]%' }],
    findings: [{ code: 'DATE_MISMATCH', message: 'The dates differ from your answers.', excerpt: 'March 3' }],
    writerQuestions: [{ text: '  What did the family say?  ' }],
  };
  it('makes one comment per question, marker first, quoting the passage', () => {
    const plan = planSession(request, []);
    expect(plan).toEqual({
      ok: true,
      value: [
        {
          marker: { session: 1, kind: 'q', index: 1 },
          text: '[CEAD s1-q1] How do you compare?',
          quoted: 'among the top [X]%',
        },
        {
          marker: { session: 1, kind: 'f', index: 1 },
          text: '[CEAD s1-f1] Please help us check this passage: The dates differ from your answers.',
          quoted: 'March 3',
        },
        { marker: { session: 1, kind: 'w', index: 1 }, text: '[CEAD s1-w1] What did the family say?' },
      ],
    });
  });
  it('skips comments a previous attempt already posted, so a retry posts each once', () => {
    const plan = planSession(request, [thread({ id: 'c1', text: '[CEAD s1-q1] How do you compare?' })]);
    expect(plan.ok && plan.value.map((c) => formatMarker(c.marker))).toEqual([
      '[CEAD s1-f1]',
      '[CEAD s1-w1]',
    ]);
  });
  it('numbers open questions by their place in the draft when given, so a question intake posted is not posted again', () => {
    const posted = [thread({ id: 'c1', text: '[CEAD s1-q3] How do you compare?' })];
    const plan = planSession(
      {
        session: 1,
        openQuestions: [
          { id: 'comparison-1', question: 'How do you compare?', index: 3 },
          { id: 'date-1', question: 'When did you sign?', index: 2 },
        ],
        findings: [],
        writerQuestions: [],
      },
      posted,
    );
    expect(plan.ok && plan.value.map((c) => c.text)).toEqual(['[CEAD s1-q2] When did you sign?']);
  });
  it('shortens long quotes', () => {
    const plan = planSession(
      {
        ...request,
        openQuestions: [],
        findings: [],
        writerQuestions: [{ text: 'q', passage: 'a'.repeat(1000) }],
      },
      [],
    );
    expect(plan.ok && plan.value[0]!.quoted!.length).toBe(MAX_QUOTE_LENGTH);
  });
  it('refuses an empty session, an empty question and going back to an older session number', () => {
    expect(planSession({ session: 1, openQuestions: [], findings: [], writerQuestions: [] }, [])).toEqual({
      ok: false,
      problems: ['Choose at least one question to ask.'],
    });
    expect(planSession({ ...request, writerQuestions: [{ text: ' \n ' }] }, [])).toEqual({
      ok: false,
      problems: ['Your question 1 is empty.'],
    });
    const old = planSession(request, [thread({ id: 'x', text: '[CEAD s3-q1] ?' })]);
    expect(old).toEqual({ ok: false, problems: ['Session 3 already exists; the next session is 4.'] });
  });
});

describe('planClose', () => {
  const s1 = [
    thread({ id: 'a', text: '[CEAD s1-q1] ?', resolved: true, time: '2026-04-01T10:00:00Z' }),
    thread({ id: 'b', text: '[CEAD s1-q2] ?', time: '2026-04-01T10:00:01Z' }),
    thread({ id: 'team', text: 'my own note', anchored: true }),
    thread({ id: 'z', text: '[CEAD s2-q1] ?' }),
  ];
  it('refuses while a thread of the session is neither resolved nor deferred', () => {
    expect(planClose(1, s1, [], '2026-04-03T00:00:00Z')).toEqual({
      ok: false,
      problems: ['Resolve or defer (with a reason) every thread of session 1 first: [CEAD s1-q2].'],
    });
  });
  it('needs a reason for each deferral and a thread of this session', () => {
    const plan = planClose(
      1,
      s1,
      [
        { threadId: 'b', reason: ' ' },
        { threadId: 'z', reason: 'later' },
      ],
      'T',
    );
    expect(plan).toEqual({
      ok: false,
      problems: ['Give a reason for deferring [CEAD s1-q2].', 'Thread z is not part of session 1.'],
    });
  });
  it('resolves deferred threads with the reason and records the round', () => {
    const plan = planClose(
      1,
      s1,
      [{ threadId: 'b', reason: 'Ask the recommender instead' }],
      '2026-04-03T00:00:00Z',
    );
    expect(plan).toEqual({
      ok: true,
      value: {
        replies: [{ threadId: 'b', text: '[CEAD deferred] Ask the recommender instead', action: 'resolve' }],
        record: {
          round: 1,
          threads: 2,
          resolved: 1,
          deferred: 1,
          startedAt: '2026-04-01T10:00:00Z',
          closedAt: '2026-04-03T00:00:00Z',
        },
      },
    });
    if (plan.ok)
      expect(describeRecord(plan.value.record)).toBe('Session 1 closed: 2 threads, 1 resolved, 1 deferred.');
  });
  it('counts a deferral already posted by an earlier attempt, and shows its reason', () => {
    const deferred = {
      ...s1[1]!,
      resolved: true,
      replies: [reply('r', writer, '[CEAD deferred] next round', '2026-04-02T00:00:00Z', 'resolve')],
    };
    const threads = [s1[0]!, deferred];
    expect(viewThread(deferred, team)).toMatchObject({ state: 'resolved', deferredReason: 'next round' });
    expect(countSession(threads, 1, team)).toEqual({
      total: 2,
      open: 0,
      answered: 0,
      resolved: 2,
      deferred: 1,
    });
    const plan = planClose(1, threads, [], 'T');
    expect(plan.ok && plan.value.record).toMatchObject({ resolved: 1, deferred: 1 });
  });
  it('forgets a deferral once the thread is reopened', () => {
    const reopened = {
      ...s1[1]!,
      resolved: false,
      replies: [
        reply('r', writer, '[CEAD deferred] next round', '2026-04-02T00:00:00Z', 'resolve'),
        reply('r2', candidate, '', '2026-04-02T01:00:00Z', 'reopen'),
      ],
    };
    expect(viewThread(reopened, team).deferredReason).toBeUndefined();
  });
});
