/**
 * The sidebar's server functions in the built bundle (build/Code.js in a fresh vm context), over the fakes
 * of the Apps Script services and the back office's real adapters: after `setup` and one submission, the
 * writer opens the Doc, runs a session round with the candidate, checks, regenerates and exports.
 * DocumentApp and HtmlService, which the fakes do not cover, get small stand-ins here.
 */

import { ITEMS } from '../../src/core/questionnaire';
import { NOT_AUTHORIZED } from '../../src/core/sidebar-access';
import type { ApiResult, CheckResult, RewriteSuggestion, SidebarState } from '../../src/gas/sidebar-api';
import { TEST_BUILD_DIR } from '../build-output';
import { rawFromExample } from '../core/back-office-ports';
import { MIME } from '../fakes/gas-world';
import { textResponse } from '../fakes/gemini-server';
import { startRemoteGeminiServer } from '../fakes/remote-gemini-server';
import { type BackOffice, column, dataRows, loadBackOffice } from './bundle-harness';

const WRITER = 'ana@cead-team.example';
const REVIEWER = 'ben@cead-team.example';
const CANDIDATE = 'rosa@example.org';

interface Stage {
  office: BackOffice;
  docId: string;
  signIn(email: string): void;
  call<T>(name: string, ...args: unknown[]): ApiResult<T>;
  shown: string[];
  selected: [number, number][];
}

function stage(raw = rawFromExample('rosa-delgado')): Stage {
  const office = loadBackOffice(TEST_BUILD_DIR, {
    timeZone: 'America/New_York',
    start: '2026-11-30T14:00:00Z',
  });
  const setup = office.run('setup');
  if (setup.error) throw setup.error;
  const settings = office.sheet('Settings');
  const teamHeader = settings.peekValues().findIndex((r) => r[0] === 'Name');
  settings.seedRows(teamHeader + 2, [
    ['Ana Writer', WRITER, 'writer'],
    ['Ben Reviewer', REVIEWER, 'reviewer'],
  ]);
  const submitted = office.submitEvent(office.form().submit(raw, CANDIDATE));
  if (submitted.error) throw submitted.error;
  const doc = [...office.fakes.world.files.values()].find((f) => f.mimeType === MIME.document && !f.trashed)!;

  let user = WRITER;
  const shown: string[] = [];
  const selected: [number, number][] = [];
  const ctx = office.ctx as unknown as Record<string, unknown>;
  ctx['Session'] = { ...office.fakes.Session, getActiveUser: () => ({ getEmail: () => user }) };
  const text = () => office.fakes.Docs.textOf(doc.id);
  ctx['DocumentApp'] = {
    getUi: () => ({ showSidebar: (page: { file: string }) => void shown.push(page.file) }),
    getActiveDocument: () => ({
      getId: () => doc.id,
      getBody: () => ({
        findText(pattern: string, from?: { end: number }) {
          const re = new RegExp(pattern, 'g');
          re.lastIndex = from ? from.end + 1 : 0;
          const m = re.exec(text());
          if (!m) return null;
          const found = { end: m.index + m[0].length - 1 };
          return {
            ...found,
            getElement: () => ({ asText: () => null }),
            getStartOffset: () => m.index,
            getEndOffsetInclusive: () => found.end,
          };
        },
      }),
      newRange: () => {
        let r: [number, number] = [0, 0];
        const b = {
          addElement: (_e: unknown, s: number, e: number) => {
            r = [s, e];
            return b;
          },
          build: () => r,
        };
        return b;
      },
      setSelection: (r: [number, number]) => void selected.push(r),
      getAs: () => {
        const blob = { setName: () => blob, getBytes: () => new Uint8Array(40_000) };
        return blob;
      },
    }),
  };
  ctx['HtmlService'] = {
    createHtmlOutputFromFile: (file: string) => ({
      file,
      setTitle: function (this: unknown) {
        return this;
      },
    }),
  };
  return {
    office,
    docId: doc.id,
    signIn: (email) => {
      user = email;
    },
    call<T>(name: string, ...args: unknown[]) {
      const ran = office.run(name, ...args);
      if (ran.error) throw ran.error;
      // What google.script.run would carry back: JSON only.
      return JSON.parse(JSON.stringify(ran.value)) as ApiResult<T>;
    },
    shown,
    selected,
  };
}

function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('the sidebar in the bundle', () => {
  it('exports a settled letter and links the PDF in the Orders sheet, and in the sidebar after a reload', () => {
    const s = stage();
    // The writer settles what the draft leaves open, as they would in the Doc.
    const text = s.office.fakes.Docs.textOf(s.docId);
    const requests = [...new Set([...text.matchAll(/⟦[^⟧]*⟧/g)].map((m) => m[0]))].map((open) => ({
      replaceAllText: {
        containsText: { text: open, matchCase: true },
        replaceText: open.startsWith('⟦date')
          ? 'November 30, 2026'
          : 'She is the best student I have supervised this year.',
      },
    }));
    if (requests.length > 0) s.office.fakes.Docs.Documents.batchUpdate({ requests }, s.docId);
    const pdf = ok(s.call<{ name: string; url: string }>('exportPdf'));
    expect(column(s.office.sheet('Orders'), 'PDF link')).toEqual([pdf.url]);
    expect(ok(s.call<SidebarState>('getSidebarState')).pdf).toEqual({ name: pdf.name, url: pdf.url });
  });

  it('opens from the menu, and answers only the team', () => {
    const s = stage();
    expect(s.office.run('showSidebar').error).toBeUndefined();
    expect(s.shown).toEqual(['sidebar']);
    s.signIn(CANDIDATE);
    expect(s.call('getSidebarState')).toEqual({ ok: false, error: NOT_AUTHORIZED });
    s.signIn(WRITER);
    const state = ok(s.call<SidebarState>('getSidebarState'));
    expect(state.order).toMatchObject({ candidate: 'Rosa Delgado', status: 'DRAFTING', session: 0 });
    expect(state.user).toEqual({ email: WRITER, roles: ['writer'] });
    expect(state.openQuestions.length).toBeGreaterThan(0);
    expect(state.openQuestions.every((q) => q.posted)).toBe(true);
    expect(state.sections.map((x) => x.sectionId)).toContain('patientCare');
  });

  it('runs a session round through the tracker, Drive comments and sharing', () => {
    const s = stage();
    const intake = s.office.fakes.Drive.liveComments(s.docId).length;
    const started = ok(
      s.call<SidebarState>('startSession', {
        session: 1,
        openQuestionIds: [],
        findings: [],
        writerQuestions: [{ text: 'How many patients did you follow each day?' }],
      }),
    );
    expect(started.order).toMatchObject({ status: 'EDITING', session: 1 });
    const orders = s.office.sheet('Orders');
    expect(column(orders, 'Status')).toEqual(['EDITING']);
    expect(column(orders, 'Session')).toEqual([1]);
    const comments = s.office.fakes.Drive.liveComments(s.docId);
    expect(comments).toHaveLength(intake + 1);
    expect(comments.at(-1)!.content).toBe('[CEAD s1-w1] How many patients did you follow each day?');
    expect(
      s.office.fakes.Drive.permissions
        .get(s.docId)
        ?.find((p) => p.emailAddress === column(orders, 'Email')[0])?.role,
    ).toBe('commenter');

    // The candidate answers the writer's question; the writer resolves it.
    const asked = comments.at(-1)!;
    s.office.fakes.Drive.userReply(s.docId, asked.id, { content: 'About eight.', author: CANDIDATE });
    const listed = ok(s.call<{ threads: { id: string; state: string }[] }>('listThreads'));
    expect(listed.threads.find((t) => t.id === asked.id)?.state).toBe('answered');
    s.office.fakes.Drive.userReply(s.docId, asked.id, {
      content: 'Thanks!',
      author: WRITER,
      action: 'resolve',
    });

    // The intake questions are deferred to the recommender.
    const deferrals = comments
      .slice(0, intake)
      .map((c) => ({ threadId: c.id, reason: 'For Dr. Chen at signing' }));
    const closed = ok(s.call<SidebarState>('closeSession', { session: 1, deferrals }));
    expect(closed.order.status).toBe('DRAFTING');
    expect(closed.sessions[0]).toMatchObject({
      round: 1,
      current: false,
      resolved: intake + 1,
      deferred: intake,
    });
    expect(column(orders, 'Status')).toEqual(['DRAFTING']);
    const log = dataRows(s.office.sheet('Log')).map((r) => [r[1], r[3], r[4], r[5]]);
    expect(log.slice(-2)).toEqual([
      [WRITER, 'session-opened', 'DRAFTING', 'EDITING'],
      [WRITER, 'session-closed', 'EDITING', 'DRAFTING'],
    ]);
  });

  it('shows the first check’s findings as Drive comments, and re-checks update them instead of posting again', () => {
    // Rosa Delgado's answers with one faint-praise line the composer keeps ("punctual").
    const raw = rawFromExample('rosa-delgado');
    const title = ITEMS.find((i) => i.id === 'competency.professionalism')!.title;
    raw[title] = `${raw[title]} I was always punctual.`;
    const s = stage(raw);
    const drive = s.office.fakes.Drive;
    const checkComments = () =>
      drive.liveComments(s.docId).filter((c) => c.content.startsWith('[CEAD check '));
    const posted = checkComments();
    expect(posted.map((c) => c.content.split(']')[0])).toEqual(['[CEAD check DOUBT_RAISER']);
    expect(posted[0]!.quotedFileContent?.value).toMatch(/punctual/);
    expect(posted[0]!.content).toMatch(/• “[^”]*punctual[^”]*” — /);
    // Unanchored, as the Drive API leaves every comment it creates on a Google Doc: the quote shows the passage.
    expect(drive.isAnchoredInDocs(posted[0]!, s.docId)).toBe(false);
    const all = drive.liveComments(s.docId).length;

    const unchanged = { posted: 0, replied: 0, resolved: 0 };
    expect(ok(s.call<CheckResult>('checkLetter')).comments).toEqual(unchanged);
    expect(ok(s.call<CheckResult>('checkLetter')).comments).toEqual(unchanged);
    expect(drive.liveComments(s.docId)).toHaveLength(all);

    // The writer takes the sentence out: the next check resolves the comment with a reply, once.
    const text = s.office.fakes.Docs.textOf(s.docId);
    const at = text.search(/ [^.]*punctual\./);
    const end = text.indexOf('.', at) + 1;
    s.office.fakes.Docs.Documents.batchUpdate(
      { requests: [{ deleteContentRange: { range: { startIndex: at + 1, endIndex: end + 1 } } }] },
      s.docId,
    );
    expect(s.office.fakes.Docs.textOf(s.docId)).not.toMatch(/punctual/);
    expect(ok(s.call<CheckResult>('checkLetter')).comments).toEqual({ ...unchanged, resolved: 1 });
    const resolved = checkComments()[0]!;
    expect(resolved.resolved).toBe(true);
    expect(resolved.replies.map((r) => [r.action, r.content.startsWith('[CEAD check fixed]')])).toEqual([
      ['resolve', true],
    ]);
    expect(ok(s.call<CheckResult>('checkLetter')).comments).toEqual(unchanged);
    expect(drive.liveComments(s.docId)).toHaveLength(all);
  });

  it('checks, selects, regenerates and refuses an export with errors, and refuses a reviewer’s session', () => {
    const s = stage();
    const check = ok(s.call<CheckResult>('checkLetter'));
    expect(check.counts.error).toBeGreaterThan(0);
    const first = check.findings.find((f) => f.excerpt !== '')!;
    expect(
      ok(
        s.call<{ selected: boolean }>('selectFinding', {
          excerpt: first.excerpt,
          start: first.start,
          end: first.end,
        }),
      ).selected,
    ).toBe(true);
    expect(s.selected).toHaveLength(1);

    const before = s.office.fakes.Docs.textOf(s.docId);
    const range = s.office.fakes.Docs.namedRangesOf(s.docId).find((r) => r.name === 'cead:professionalism')!;
    s.office.fakes.Docs.userEdit(s.docId, range.startIndex + 1, 'EDIT ', WRITER);
    ok(s.call('regenerateSection', { sectionId: 'professionalism' }));
    expect(s.office.fakes.Docs.textOf(s.docId)).toBe(before);

    const refused = s.call('exportPdf');
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(/^The letter check reports \d+ errors?; fix/),
    });

    s.signIn(REVIEWER);
    expect(
      s.call('startSession', {
        session: 1,
        openQuestionIds: [],
        findings: [],
        writerQuestions: [{ text: 'Q?' }],
      }),
    ).toEqual({
      ok: false,
      error: 'Only writers and managers can start an editing session; you are a reviewer.',
    });
  });

  it('suggests a rewrite over HTTP (UrlFetchApp to the loopback server), changes nothing on Reject, writes it on Accept', async () => {
    const server = await startRemoteGeminiServer();
    try {
      const consent = ITEMS.find((i) => i.id === 'consent.modelAssist')!.title;
      const s = stage({ ...rawFromExample('rosa-delgado'), [consent]: 'Yes' });
      const suggestAction = () => ok(s.call<SidebarState>('getSidebarState')).actions.suggestRewrite;
      expect(suggestAction()).toMatchObject({
        allowed: false,
        reason: expect.stringMatching(/^Model assist is off/),
      });
      // A manager turns it on; the owner put the key in the script properties.
      const settings = s.office.sheet('Settings');
      const row = settings.peekValues().findIndex((r) => r[0] === 'Model assist') + 1;
      settings.seedRows(row, [['Model assist', 'Gemini API']]);
      s.office.fakes.PropertiesService.script.data.set('CEAD_MODEL_API_KEY', 'test-key-not-real');
      s.office.fakes.PropertiesService.script.data.set('CEAD_MODEL_BASE_URL', server.baseUrl);
      expect(suggestAction()).toEqual({ allowed: true });

      const faithful =
        'Dr. Delgado found that our patients with heart failure were often discharged without a follow-up appointment, so she made a checklist with the case manager, and the team used it for the rest of the month.';
      await server.script({ json: textResponse(faithful) }, { json: textResponse(faithful) });
      const before = s.office.fakes.Docs.textOf(s.docId);
      const first = ok(s.call<RewriteSuggestion>('suggestRewrite', { sectionId: 'systemsBasedPractice' }));
      expect(first).toMatchObject({ outcome: 'proposed', proposal: faithful });
      expect((await server.requests()).map((r) => [r.api, r.apiKey])).toEqual([
        ['gemini', 'test-key-not-real'],
      ]);
      expect(JSON.stringify(s.office.fakes.UrlFetchApp.sent)).not.toContain(CANDIDATE);
      ok(s.call('decideRewrite', { sectionId: 'systemsBasedPractice', decision: 'reject', ...first }));
      expect(s.office.fakes.Docs.textOf(s.docId)).toBe(before);

      const second = ok(s.call<RewriteSuggestion>('suggestRewrite', { sectionId: 'systemsBasedPractice' }));
      ok(s.call('decideRewrite', { sectionId: 'systemsBasedPractice', decision: 'accept', ...second }));
      const after = s.office.fakes.Docs.textOf(s.docId);
      expect(after).toContain(`Systems-Based Practice. ${faithful}`);
      expect(after.replace(second.proposal, '')).toBe(
        before.replace(second.current.replace('Systems-Based Practice. ', ''), ''),
      );
      expect(s.office.fakes.UrlFetchApp.sent).toHaveLength(2);
      const log = dataRows(s.office.sheet('Log')).filter((r) => String(r[3]).startsWith('model-suggest'));
      expect(log.map((r) => [r[1], r[3]])).toEqual([
        [WRITER, 'model-suggest'],
        [WRITER, 'model-suggest-rejected'],
        [WRITER, 'model-suggest'],
        [WRITER, 'model-suggest-accepted'],
      ]);
      expect(JSON.stringify(dataRows(s.office.sheet('Log')))).not.toContain(faithful.slice(0, 30));
    } finally {
      server.close();
    }
  });
});
