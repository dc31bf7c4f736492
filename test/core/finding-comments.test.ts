import type { CommentThread } from '../../src/core/editing-session';
import { viewThread } from '../../src/core/editing-session';
import {
  type CommentableFinding,
  FIXED_PREFIX,
  groupFindings,
  MAX_FINDING_COMMENTS,
  MORE_KEY,
  parseCheckMarker,
  planFindingComments,
  syncFindingComments,
} from '../../src/core/finding-comments';
import { Faults, MemoryComments, TestClock } from './back-office-ports';

const date: CommentableFinding = {
  code: 'DATE_MISMATCH',
  severity: 'error',
  message: 'The letter says July 2024; the answers say July 2025.',
  excerpt: 'July 2024',
};
const hedge: CommentableFinding = {
  code: 'DOUBT_RAISER',
  severity: 'warning',
  message: '"although" reads as a negative remark.',
  excerpt: 'although',
};
const hedge2: CommentableFinding = { ...hedge, excerpt: 'adequate', message: '"adequate" is faint praise.' };
const noComparison: CommentableFinding = {
  code: 'NO_COMPARISON',
  severity: 'warning',
  message: 'No comparison with a number of peers.',
  excerpt: '',
};

function store() {
  const faults = new Faults();
  return { faults, comments: new MemoryComments(faults, new TestClock()) };
}

describe('groupFindings', () => {
  it('keeps errors and warnings, one group per code, errors first, and leaves out info and ⟦marked choices⟧', () => {
    const groups = groupFindings([
      hedge,
      { ...hedge, code: 'GRINDSTONE_HEAVY', severity: 'info' },
      date,
      hedge2,
      { code: 'PLACEHOLDER', severity: 'error', message: 'Unfilled.', excerpt: '⟦number⟧' },
      { code: 'PLACEHOLDER', severity: 'error', message: 'Unfilled.', excerpt: '[Name]' },
    ]);
    expect(groups.map((g) => [g.key, g.findings.map((f) => f.excerpt)])).toEqual([
      ['DATE_MISMATCH', ['July 2024']],
      ['PLACEHOLDER', ['[Name]']],
      ['DOUBT_RAISER', ['although', 'adequate']],
    ]);
  });

  it('never makes more than MAX_FINDING_COMMENTS groups: the least severe codes share the last one', () => {
    const codes = [
      'NOT_PROSE',
      'DUPLICATE_SENTENCE',
      'ODD_CHARACTERS',
      'VIEWPOINT',
      'LENGTH',
      'REPEATED_WORD',
      'ARTICLE',
      'NO_RELATIONSHIP',
      'NO_COMPARISON',
      'MINIMAL_ASSURANCE',
      'DOUBT_RAISER',
      'COMPETENCY_MISSING',
      'CONTACT_MISMATCH',
      'NONSTANDARD_GRAMMAR',
    ] as const;
    const many = [date, ...codes.map((code, i) => ({ ...hedge, code, excerpt: `passage ${i}` }))];
    const groups = groupFindings(many);
    expect(groups).toHaveLength(MAX_FINDING_COMMENTS);
    expect(groups[0]!.key).toBe('DATE_MISMATCH');
    expect(groups.at(-1)!.key).toBe(MORE_KEY);
    // Every finding is still in some comment.
    expect(groups.flatMap((g) => g.findings)).toHaveLength(many.length);
  });
});

describe('planFindingComments', () => {
  it('posts one comment per code with the marker, the code’s meaning, each passage and its message', () => {
    const plan = planFindingComments([date, hedge, hedge2, noComparison], []);
    expect(plan.replies).toEqual([]);
    expect(plan.posts.map((p) => [parseCheckMarker(p.text), p.quoted])).toEqual([
      ['DATE_MISMATCH', 'July 2024'],
      ['DOUBT_RAISER', 'although'],
      ['NO_COMPARISON', undefined],
    ]);
    const doubt = plan.posts[1]!.text;
    expect(doubt).toMatch(/^\[CEAD check DOUBT_RAISER\] Letter check \(warning\): hedges, faint praise/);
    expect(doubt).toContain('• “although” — "although" reads as a negative remark.');
    expect(doubt).toContain('• “adequate” — "adequate" is faint praise.');
    expect(plan.posts[2]!.text).toContain('• No comparison with a number of peers.');
  });

  it('quotes only the first line of an excerpt that spans paragraphs, so a .docx can anchor on it', () => {
    const plan = planFindingComments([{ ...hedge, excerpt: 'first part\nsecond part' }], []);
    expect(plan.posts[0]!.quoted).toBe('first part');
  });

  it('lists five passages and says how many more there are', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ ...hedge, excerpt: `hedge ${i}` }));
    const text = planFindingComments(seven, []).posts[0]!.text;
    expect(text.match(/^• “/gm)).toHaveLength(5);
    expect(text).toContain('… and 2 more');
  });
});

describe('syncFindingComments', () => {
  it('posts nothing the second time, and tells one check comment from a human one by its marker', () => {
    const { faults, comments } = store();
    comments.post('d', 'Please look at the dates.', 'July 2024');
    expect(syncFindingComments(comments, 'd', [date, hedge])).toEqual({ posted: 2, replied: 0, resolved: 0 });
    expect(syncFindingComments(comments, 'd', [date, hedge])).toEqual({ posted: 0, replied: 0, resolved: 0 });
    expect(faults.count('comments.post')).toBe(3);
    const threads = comments.threads.get('d')!;
    const team = { emails: [], names: [] };
    expect(threads.map((t) => viewThread(t, team).origin)).toEqual(['team', 'cead', 'cead']);
  });

  it('resolves the comment of a fixed finding with a reply, and leaves the others alone', () => {
    const { comments } = store();
    syncFindingComments(comments, 'd', [date, hedge]);
    expect(syncFindingComments(comments, 'd', [hedge])).toEqual({ posted: 0, replied: 0, resolved: 1 });
    const [dateThread, hedgeThread] = comments.threads.get('d')!;
    expect(dateThread!.resolved).toBe(true);
    expect(dateThread!.replies.map((r) => [r.action, r.text.startsWith(FIXED_PREFIX)])).toEqual([
      ['resolve', true],
    ]);
    expect(hedgeThread!.resolved).toBe(false);
    // Resolved once: a third check with the same findings changes nothing.
    expect(syncFindingComments(comments, 'd', [hedge])).toEqual({ posted: 0, replied: 0, resolved: 0 });
  });

  it('adds a new passage of a code already commented on as a reply, once', () => {
    const { comments } = store();
    syncFindingComments(comments, 'd', [hedge]);
    expect(syncFindingComments(comments, 'd', [hedge, hedge2])).toEqual({
      posted: 0,
      replied: 1,
      resolved: 0,
    });
    expect(syncFindingComments(comments, 'd', [hedge, hedge2])).toEqual({
      posted: 0,
      replied: 0,
      resolved: 0,
    });
    const thread = comments.threads.get('d')![0]!;
    expect(thread.replies.map((r) => r.text)).toEqual([
      'Also in:\n• “adequate” — "adequate" is faint praise.',
    ]);
  });

  it('reopens a comment CEAD resolved when the finding comes back, but not one the writer resolved', () => {
    const { comments } = store();
    syncFindingComments(comments, 'd', [date, hedge]);
    syncFindingComments(comments, 'd', []);
    expect(comments.threads.get('d')!.every((t) => t.resolved)).toBe(true);
    // The writer reopens nothing; the date error comes back (an undo).
    expect(syncFindingComments(comments, 'd', [date])).toEqual({ posted: 0, replied: 1, resolved: 0 });
    const dateThread = comments.threads.get('d')![0]!;
    expect([dateThread.resolved, dateThread.replies.at(-1)!.action]).toEqual([false, 'reopen']);

    // A writer who resolves the hedge comment themselves has dismissed it: the same passage stays dismissed.
    const writerResolved: CommentThread = {
      ...comments.threads.get('d')![1]!,
      resolved: true,
      replies: [{ id: 'r', author: { name: 'Writer' }, time: '', text: '', action: 'resolve' }],
    };
    expect(planFindingComments([hedge], [writerResolved])).toEqual({ posts: [], replies: [] });
    // A new passage of that code reopens it.
    expect(planFindingComments([hedge, hedge2], [writerResolved]).replies.map((r) => r.action)).toEqual([
      'reopen',
    ]);
  });

  it('finishes a sync that failed half way without posting anything twice', () => {
    // The second post of the first sync fails, as Drive's "Backend Error" does now and then.
    class FailsSecondPost extends MemoryComments {
      posts = 0;
      override post(docId: string, text: string, quoted?: string) {
        if (++this.posts === 2) throw new Error('Backend Error');
        return super.post(docId, text, quoted);
      }
    }
    const comments = new FailsSecondPost(new Faults(), new TestClock());
    expect(() => syncFindingComments(comments, 'd', [date, hedge])).toThrow('Backend Error');
    expect(comments.threads.get('d')).toHaveLength(1);
    expect(syncFindingComments(comments, 'd', [date, hedge])).toEqual({ posted: 1, replied: 0, resolved: 0 });
    const keys = comments.threads.get('d')!.map((t) => parseCheckMarker(t.text));
    expect(keys).toEqual(['DATE_MISMATCH', 'DOUBT_RAISER']);
  });
});
