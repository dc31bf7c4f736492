/**
 * The built bundle end to end over the fakes: setup, a submission, duplicates and interleaving, a failure
 * at every service call of intake, and hostile answers.
 */
import { parseAnswerRecord } from '../../src/core/answers';
import { draftLetter } from '../../src/core/letter-draft';
import { orderIdFor } from '../../src/core/orders';
import { ITEMS, QUESTIONNAIRE } from '../../src/core/questionnaire';
import { ORDER_HEADERS } from '../../src/core/tracker-row';
import { TEST_BUILD_DIR } from '../build-output';
import { rawFromExample } from '../core/back-office-ports';
import { type CallRecord, MIME, permanentError, transientError } from '../fakes/gas-world';
import { formatDate } from '../fakes/script-services';
import { type BackOffice, column, dataRows, loadBackOffice } from './bundle-harness';

const TZ = 'America/New_York';
const RAW = rawFromExample('rosa-delgado');
const TEAM_WRITER = 'ana@cead-team.example';

function title(id: string): string {
  return ITEMS.find((i) => i.id === id)!.title;
}

/** A set-up back office with one writer on the team. */
function ready(): BackOffice {
  const office = loadBackOffice(TEST_BUILD_DIR, { timeZone: TZ, start: '2026-11-30T14:00:00Z' });
  const setup = office.run('setup');
  if (setup.error) throw setup.error;
  // A manager adds a writer to the team on the Settings sheet.
  const settings = office.sheet('Settings');
  const rows = settings.peekValues();
  const teamHeader = rows.findIndex((r) => r[0] === 'Name');
  settings.seedRows(teamHeader + 2, [['Ana Writer', TEAM_WRITER, 'writer']]);
  return office;
}

/** The Docs in the orders folder or a folder inside it (the writers' folders). */
function draftDocs(office: BackOffice) {
  const files = office.fakes.world.files;
  const under = (id: string, seen = new Set<string>()): boolean =>
    id === office.folderId() ||
    (!seen.has(id) && (files.get(id)?.parents ?? []).some((p) => under(p, seen.add(id))));
  return [...files.values()].filter(
    (f) => f.mimeType === MIME.document && !f.trashed && f.parents.some((p) => under(p)),
  );
}

function snapshot(office: BackOffice) {
  const ss = office.tracker();
  return JSON.stringify({
    sheets: ss.sheetNames(),
    values: ss.sheetNames().map((n) => ss.peekSheet(n)!.peekValues()),
    formulas: ss.sheetNames().map((n) => ss.peekSheet(n)!.peekFormulas()),
    rules: ss.sheetNames().map((n) => ss.peekSheet(n)!.peekConditionalRules().length),
    charts: ss.sheetNames().map((n) => ss.peekSheet(n)!.peekCharts().length),
    items: office
      .form()
      .allItems()
      .map((i) => [i.type, i.title, i.required]),
    triggers: office.fakes.ScriptApp.triggers.map((t) => [t.handler, t.eventType, t.sourceId]),
    props: [...office.fakes.PropertiesService.script.data],
    files: office.fakes.world.files.size,
  });
}

describe('setup', () => {
  it('makes the Form, tracker, folder and triggers, and running it again changes nothing', () => {
    const office = loadBackOffice(TEST_BUILD_DIR, { timeZone: TZ });
    const first = office.run('setup');
    expect(first.error).toBeUndefined();
    const form = office.form();
    expect(form.published).toBe(true);
    expect(form.allowResponseEdits).toBe(true);
    expect(form.confirmationMessage).not.toBe('');
    const questions = form.allItems().filter((i) => !['PAGE_BREAK', 'SECTION_HEADER'].includes(i.type));
    expect(questions.map((i) => i.title)).toEqual(ITEMS.map((i) => i.title));
    expect(questions.filter((i) => i.required).map((i) => i.title)).toEqual(
      ITEMS.filter((i) => i.required).map((i) => i.title),
    );
    expect(form.allItems().filter((i) => i.type === 'DATE').length).toBe(
      ITEMS.filter((i) => i.type === 'date').length,
    );
    expect(form.allItems().filter((i) => i.type === 'PAGE_BREAK').length).toBe(QUESTIONNAIRE.length - 1);
    expect(office.tracker().sheetNames().sort()).toEqual([
      'Dashboard',
      'Log',
      'Orders',
      'Responses',
      'Settings',
    ]);
    const orders = office.sheet('Orders');
    expect(orders.peekFrozenRows()).toBe(1);
    expect(orders.peekValidation(2, 9)?.getCriteriaValues()[0]).toContain('DRAFTING');
    expect(orders.peekConditionalRules().map((r) => r.getBooleanCondition().getBackground())).toEqual([
      '#f4c7c3',
      '#fce8b2',
    ]);
    expect(office.sheet('Dashboard').peekCharts()).toHaveLength(1);
    expect(office.sheet('Dashboard').peekFormulas().flat().filter(Boolean).length).toBeGreaterThan(15);
    expect(
      office.fakes.ScriptApp.triggers.map((t) => [t.handler, t.eventType, t.everyMinutes ?? null]).sort(),
    ).toEqual([
      ['onFormSubmit', 'ON_FORM_SUBMIT', null],
      ['onTrackerEdit', 'ON_EDIT', null],
      ['sweep', 'CLOCK', 10],
    ]);
    expect(office.fakes.world.files.get(office.folderId())?.mimeType).toBe(MIME.folder);

    const before = snapshot(office);
    const again = office.run('setup');
    expect(again.error).toBeUndefined();
    expect((again.value as { changes: string[] }).changes).toEqual([]);
    expect(snapshot(office)).toBe(before);
  });

  it('runs under the script lock that intake and the sweep share, and says so when it cannot have it', () => {
    const office = ready();
    const before = snapshot(office);
    const lock = office.fakes.LockService.state;
    lock.heldElsewhere = true;
    const busy = office.run('setup');
    expect(String(busy.error)).toMatch(/held the script lock for more than 5 minutes\. Nothing was changed/);
    expect(snapshot(office)).toBe(before);
    lock.heldElsewhere = false;

    office.tracker().deleteSheet(office.sheet('Log'));
    let heldDuringRepair = false;
    office.fakes.world.ledger.onCall = (call: CallRecord) => {
      if (call.service === 'SpreadsheetApp' && call.method.startsWith('Spreadsheet.insertSheet'))
        heldDuringRepair ||= lock.holder !== null;
    };
    expect(office.run('setup').error).toBeUndefined();
    office.fakes.world.ledger.onCall = undefined;
    expect(heldDuringRepair).toBe(true);
    expect(lock.holder).toBeNull();
  });

  it('logs each problem in the Settings sheet once a day, as a settings-problem event', () => {
    const office = ready();
    const settings = office.sheet('Settings');
    const teamHeader = settings.peekValues().findIndex((r) => r[0] === 'Name');
    settings.seedRows(teamHeader + 3, [['Bad Row', 'not-an-email', 'writer']]);
    const problems = () =>
      dataRows(office.sheet('Log'))
        .filter((r) => r[3] === 'settings-problem')
        .map((r) => [r[1], r[2], r[6]]);
    const expected = [
      'system',
      '',
      `Settings row ${teamHeader + 3}: Team member "Bad Row": "not-an-email" is not an email address.`,
    ];
    expect(office.run('sweep').error).toBeUndefined();
    office.fakes.world.clock.advance(10 * 60 * 1000);
    office.run('sweep');
    expect(problems()).toEqual([expected]);
    office.fakes.world.clock.advance(24 * 60 * 60 * 1000);
    office.run('sweep');
    expect(problems()).toEqual([expected, expected]);
  });

  it('repairs what is missing without duplicating the rest', () => {
    const office = ready();
    const trigger = office.fakes.ScriptApp.triggers.find((t) => t.handler === 'sweep')!;
    office.fakes.ScriptApp.deleteTrigger(trigger);
    office.tracker().deleteSheet(office.sheet('Log'));
    const report = office.run('setup').value as { changes: string[] };
    expect(report.changes.join('\n')).toMatch(/Log sheet[\s\S]*sweep trigger/);
    expect(office.fakes.ScriptApp.triggers).toHaveLength(3);
    expect(office.sheet('Log').peekValues()[0]).toEqual([
      'Time',
      'Actor',
      'Order ID',
      'Event',
      'From',
      'To',
      'Detail',
    ]);
  });
});

describe('a tracker made before the PDF link column', () => {
  it('is still read, and setup adds the column at the end', () => {
    const office = ready();
    const orders = office.sheet('Orders');
    const old = ORDER_HEADERS.filter((h) => h !== 'PDF link');
    orders.getRange(1, 1, 1, ORDER_HEADERS.length).setValues([[...old, '']]);
    const response = office.form().submit(RAW);
    expect(office.submitEvent(response).error).toBeUndefined();
    expect(column(orders, 'Status')).toEqual(['DRAFTING']);
    const report = office.run('setup').value as { changes: string[] };
    expect(report.changes).toEqual(['Added the columns PDF link to Orders.']);
    expect(orders.peekValues()[0]).toEqual([...old, 'PDF link']);
    expect(column(orders, 'PDF link')).toEqual(['']);
  });
});

describe('a submission', () => {
  it('becomes one order row, one Doc holding the letter, the first session’s threads and a Log entry', () => {
    const office = ready();
    const response = office.form().submit(RAW, 'rosa@example.org');
    const outcome = office.submitEvent(response);
    expect(outcome.error).toBeUndefined();

    const orders = office.sheet('Orders');
    expect(dataRows(orders)).toHaveLength(1);
    expect(column(orders, 'Order ID')).toEqual([orderIdFor(response.getId())]);
    expect(column(orders, 'Status')).toEqual(['DRAFTING']);
    expect(column(orders, 'Writer')).toEqual([TEAM_WRITER]);
    expect(column(orders, 'Candidate')).toEqual(['Rosa Delgado']);

    const docs = draftDocs(office);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    const today = formatDate(office.fakes.world.clock.now(), TZ, 'yyyy-MM-dd');
    const parsed = parseAnswerRecord(RAW);
    const expected = draftLetter(parsed.answers, { orderId: orderIdFor(response.getId()), date: today });
    expect(office.fakes.Docs.textOf(doc.id)).toBe(expected.text);
    expect(office.fakes.Docs.namedRangesOf(doc.id).map((r) => r.name)).toContain('cead:patientCare');
    // The Doc is in the writer's own folder under the orders folder, and has its access from there.
    const folder = office.fakes.world.files.get(doc.parents[0]!)!;
    expect([folder.mimeType, folder.parents]).toEqual([MIME.folder, [office.folderId()]]);
    expect(office.fakes.Drive.permissions.get(doc.id) ?? []).toEqual([]);
    expect(office.fakes.Drive.permissions.get(folder.id)?.map((p) => [p.emailAddress, p.role])).toEqual([
      [TEAM_WRITER, 'writer'],
    ]);
    expect(office.fakes.Drive.access(doc.id).map((p) => [p.emailAddress, p.role])).toEqual([
      [TEAM_WRITER, 'writer'],
    ]);

    const threads = office.fakes.Drive.liveComments(doc.id);
    expect(threads.map((t) => t.content.slice(0, 12))).toEqual(
      expected.openQuestions.map((_, i) => `[CEAD s1-q${i + 1}]`.slice(0, 12)),
    );
    expect(threads.every((t) => !office.fakes.Drive.isAnchoredInDocs(t, doc.id))).toBe(true);
    expect(threads.filter((t) => t.quotedFileContent).length).toBe(
      expected.openQuestions.filter((q) => q.passage).length,
    );
    expect(column(orders, 'Open threads')).toEqual([expected.openQuestions.length]);

    const log = dataRows(office.sheet('Log'));
    expect(log.map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ['system', orderIdFor(response.getId()), 'intake', 'NEW', 'DRAFTING'],
    ]);
    const responses = dataRows(office.sheet('Responses'));
    expect(responses).toHaveLength(1);
    expect(JSON.parse(responses[0]!.slice(2).join(''))).toEqual(RAW);

    // Drive does not announce a file made in a shared folder: the next sweep emails the writer, once.
    expect(office.fakes.MailApp.sent).toEqual([]);
    office.run('sweep');
    office.run('sweep');
    expect(office.fakes.MailApp.sent.map((m) => [m.to, m.subject])).toEqual([
      [TEAM_WRITER, 'CEAD: 1 new draft for you'],
    ]);
    expect(office.fakes.MailApp.sent[0]!.body).toContain(doc.id);
  });

  it("costs 12 service calls once the writer's folder exists, with no share call per order", () => {
    const office = ready();
    office.submitEvent(office.form().submit(RAW));
    const mark = office.fakes.world.ledger.mark();
    expect(office.submitEvent(office.form().submit(RAW)).error).toBeUndefined();
    expect(office.fakes.world.ledger.since(mark).map((p) => `${p.service}.${p.method}`)).toEqual([
      'LockService.getScriptLock',
      'LockService.Lock.tryLock',
      'PropertiesService.getScriptProperties',
      'PropertiesService.ScriptProperties.getProperties',
      'Sheets.Spreadsheets.Values.batchGet',
      'Sheets.Spreadsheets.Values.batchUpdate',
      'Drive.Files.create',
      'Docs.Documents.batchUpdate',
      'Drive.Comments.create',
      'Drive.Comments.create',
      'Drive.Comments.create',
      'Sheets.Spreadsheets.Values.batchUpdate',
    ]);
    const docs = draftDocs(office);
    expect(docs).toHaveLength(2);
    expect(docs[1]!.parents).toEqual(docs[0]!.parents);
    // The one writer got one "shared a folder" email's worth of permission, not one per Doc.
    expect(docs.map((d) => office.fakes.Drive.permissions.get(d.id) ?? [])).toEqual([[], []]);
  });

  it('makes the writer a new folder when theirs was deleted: at the sweep, or when setup runs again', () => {
    const office = ready();
    office.submitEvent(office.form().submit(RAW));
    const first = draftDocs(office)[0]!.parents[0]!;
    // Deleted for good by hand: the next order fails to make its Doc there, and the sweep makes a new folder.
    office.fakes.world.files.delete(first);
    const r = office.form().submit(RAW);
    office.submitEvent(r);
    const orders = office.sheet('Orders');
    expect(column(orders, 'Status')).toEqual(['DRAFTING', 'ERROR']);
    expect(office.run('sweep').error).toBeUndefined();
    expect(column(orders, 'Status')).toEqual(['DRAFTING', 'DRAFTING']);
    const second = office.fakes.world.files.get(draftDocs(office).at(-1)!.parents[0]!)!;
    expect(second.id).not.toBe(first);
    expect(second.parents).toEqual([office.folderId()]);
    // Trashed instead: setup forgets it (and says so), and a second setup changes nothing.
    office.fakes.Drive.Files.update({ trashed: true }, second.id, undefined, { fields: 'id' });
    const report = office.run('setup').value as { changes: string[] };
    expect(report.changes).toEqual([
      'Forgot the writer folder of ana@cead-team.example: it was deleted or moved.',
    ]);
    expect((office.run('setup').value as { changes: string[] }).changes).toEqual([]);
    office.submitEvent(office.form().submit(RAW));
    expect(column(orders, 'Status')).toEqual(['DRAFTING', 'DRAFTING', 'DRAFTING']);
    const third = draftDocs(office).at(-1)!.parents[0]!;
    expect([third === first, third === second.id]).toEqual([false, false]);
  });

  it('gives one order per response for a repeated event, a blank event and interleaved submissions', () => {
    const office = ready();
    const a = office.form().submit(RAW);
    const b = office.form().submit({ ...RAW, [title('candidate.fullName')]: 'Jordan Reyes-Park' });
    // b's trigger fires while a's execution holds the lock: it cannot wait that long and leaves b to the sweep.
    let nested: { value?: unknown; error?: unknown } | undefined;
    office.fakes.world.ledger.onCall = (call: CallRecord) => {
      if (!nested && call.service === 'Drive' && call.method === 'Files.create')
        nested = office.submitEvent(b);
    };
    office.submitEvent(a);
    office.fakes.world.ledger.onCall = undefined;
    expect(nested?.error).toBeUndefined();
    office.submitEvent(a);
    office.submitEvent(undefined);
    office.run('onFormSubmit', {});
    expect(column(office.sheet('Orders'), 'Response ID')).toEqual([a.getId()]);
    office.run('sweep');
    office.submitEvent(b);
    office.run('sweep');
    const ids = column(office.sheet('Orders'), 'Response ID');
    expect([...ids].sort()).toEqual([a.getId(), b.getId()].sort());
    expect(draftDocs(office)).toHaveLength(2);
    expect(dataRows(office.sheet('Responses'))).toHaveLength(2);
  });
});

describe.each([
  ['permanent', (what: string) => permanentError(what)],
  ['transient', (_: string) => transientError(0)],
] as const)('fault injection (%s errors)', (kind, makeError) => {
  it('recovers from a failure of every service call in the intake path', () => {
    // A clean run tells which calls intake makes.
    const probe = ready();
    const response = probe.form().submit(RAW);
    const mark = probe.fakes.world.ledger.mark();
    probe.submitEvent(response);
    const points = probe.fakes.world.ledger.since(mark);
    const threadsExpected = probe.fakes.Drive.liveComments(draftDocs(probe)[0]!.id).length;
    // Every call intake makes, in order: each one fails in turn below.
    // The writer's first order, so the path includes making and sharing their folder.
    expect(points.map((p) => `${p.service}.${p.method}`)).toEqual([
      'LockService.getScriptLock',
      'LockService.Lock.tryLock',
      'PropertiesService.getScriptProperties',
      'PropertiesService.ScriptProperties.getProperties',
      'Sheets.Spreadsheets.Values.batchGet',
      'Sheets.Spreadsheets.Values.batchUpdate',
      'Drive.Files.list',
      'Drive.Files.create',
      'Drive.Permissions.create',
      'PropertiesService.ScriptProperties.setProperty',
      'Drive.Files.create',
      'Docs.Documents.batchUpdate',
      'Drive.Comments.create',
      'Drive.Comments.create',
      'Drive.Comments.create',
      'Sheets.Spreadsheets.Values.batchUpdate',
    ]);

    let covered = 0;
    points.forEach((point, i) => {
      const office = ready();
      const r = office.form().submit(RAW);
      const nth = points
        .slice(0, i + 1)
        .filter((p) => p.service === point.service && p.method === point.method).length;
      office.fakes.world.ledger.failOn(point.service, point.method, nth, () =>
        makeError(`${point.service}.${point.method}`),
      );
      office.submitEvent(r);
      const fired = office.fakes.world.ledger.allFailuresFired();
      office.run('sweep');
      const where = `${point.service}.${point.method} #${nth}`;
      const orders = office.sheet('Orders');
      expect([where, column(orders, 'Response ID')]).toEqual([where, [r.getId()]]);
      expect([where, column(orders, 'Status')]).toEqual([where, ['DRAFTING']]);
      const docs = draftDocs(office);
      expect([where, docs.length]).toEqual([where, 1]);
      expect([where, office.fakes.Drive.liveComments(docs[0]!.id).length]).toEqual([where, threadsExpected]);
      // One folder for the writer, whatever failed, and the Doc shared with them through it.
      const folders = [...office.fakes.world.files.values()].filter(
        (f) => f.mimeType === MIME.folder && f.parents.includes(office.folderId()),
      );
      expect([where, folders.length]).toEqual([where, 1]);
      expect([where, office.fakes.Drive.access(docs[0]!.id).map((p) => p.emailAddress)]).toEqual([
        where,
        [TEAM_WRITER],
      ]);
      const raw = dataRows(office.sheet('Responses'));
      expect([where, raw.length]).toEqual([where, 1]);
      expect(JSON.parse(raw[0]!.slice(2).join(''))).toEqual(RAW);
      if (fired) covered++;
    });
    console.log(
      `fault injection (${kind} errors): ${covered} of ${points.length} service calls in the intake path failed once and recovered`,
    );
    expect(covered).toBe(points.length);
  });
});

describe('hostile answers', () => {
  const HOSTILE: Record<string, string> = {
    'candidate.fullName': '=HYPERLINK("http://evil.example","click me")',
    'candidate.specialty': '+1 Internal Medicine',
    'candidate.school': '-2',
    'rotation.site': '@SUM(A1)',
    'recommender.relationship': '\tTab-led: I presented to her every morning on rounds.',
    'rotation.city': 'Zürich 🏥 שלום עולם',
    'highlights.feedback': '=1+1',
  };

  function hostileRaw(extra: Record<string, string> = {}): Record<string, string> {
    const raw = { ...RAW };
    for (const [id, v] of Object.entries({ ...HOSTILE, ...extra })) raw[title(id)] = v;
    return raw;
  }

  function noFormulas(office: BackOffice) {
    for (const name of ['Orders', 'Log', 'Responses']) {
      expect([name, office.sheet(name).peekFormulas().flat().filter(Boolean)]).toEqual([name, []]);
    }
  }

  it('land as literal text in every sheet and never break a run', () => {
    const office = ready();
    const raw = hostileRaw();
    const response = office.form().submit(raw);
    expect(office.submitEvent(response).error).toBeUndefined();
    noFormulas(office);
    const orders = office.sheet('Orders');
    expect(column(orders, 'Candidate')).toEqual([HOSTILE['candidate.fullName']]);
    expect(column(orders, 'Specialty')).toEqual([HOSTILE['candidate.specialty']]);
    const stored = dataRows(office.sheet('Responses'));
    expect(JSON.parse(stored[0]!.slice(2).join(''))).toEqual(raw);
    expect(office.run('sweep').error).toBeUndefined();
    noFormulas(office);
  });

  it('ask the candidate, by email with the edit link, once, when the answers need fixing', () => {
    const office = ready();
    const settings = office.sheet('Settings');
    const row = settings.peekValues().findIndex((r) => r[0] === 'Email candidates') + 1;
    settings.getRange(row, 2).setValue('on');
    const raw = hostileRaw({ 'competency.patientCare': `I admitted ${'x'.repeat(6000)}` });
    const response = office.form().submit(raw);
    office.submitEvent(response);
    office.submitEvent(response);
    office.run('sweep');
    expect(column(office.sheet('Orders'), 'Status')).toEqual(['NEEDS_INFO']);
    expect(office.fakes.MailApp.sent).toHaveLength(1);
    expect(office.fakes.MailApp.sent[0]!.to).toBe(RAW[title('candidate.email')]);
    expect(office.fakes.MailApp.sent[0]!.body).toContain(response.getEditResponseUrl());
  });

  it('keep a 50,000-character answer verbatim across cells and ask the candidate to shorten it', () => {
    const office = ready();
    const long =
      `I admitted ${'a patient with chest pain and worked through the differential. '.repeat(800)}`.slice(
        0,
        50000,
      );
    const raw = hostileRaw({ 'competency.patientCare': long });
    const response = office.form().submit(raw);
    expect(office.submitEvent(response).error).toBeUndefined();
    expect(column(office.sheet('Orders'), 'Status')).toEqual(['NEEDS_INFO']);
    const stored = dataRows(office.sheet('Responses'))[0]!;
    expect(stored.length).toBeGreaterThan(3);
    expect(JSON.parse(stored.slice(2).join(''))).toEqual(raw);
    noFormulas(office);
  });
});

describe('an edited response', () => {
  it('rewrites a draft nobody touched; a draft a writer edited keeps its text and gets a comment', () => {
    const office = ready();
    const response = office.form().submit(RAW);
    office.submitEvent(response);
    const doc = draftDocs(office)[0]!;
    office.fakes.world.clock.advance(60 * 60 * 1000);
    office.form().editResponse(response.getId(), { [title('candidate.specialty')]: 'Family Medicine' });
    office.submitEvent(office.form().getResponse(response.getId()));
    expect(office.fakes.Docs.textOf(doc.id)).toContain('Family Medicine');
    expect(column(office.sheet('Orders'), 'Specialty')).toEqual(['Family Medicine']);

    office.fakes.Docs.userEdit(doc.id, 1, 'A line the writer added. ', TEAM_WRITER);
    const edited = office.fakes.Docs.textOf(doc.id);
    office.fakes.world.clock.advance(60 * 60 * 1000);
    office.form().editResponse(response.getId(), { [title('candidate.specialty')]: 'Pediatrics' });
    // The trigger for this edit is missed; the sweep finds it.
    office.run('sweep');
    expect(office.fakes.Docs.textOf(doc.id)).toBe(edited);
    const last = office.fakes.Drive.liveComments(doc.id).at(-1)!;
    expect(last.content).toMatch(
      /^\[CEAD answers edited [^\]]+\] The candidate edited their answers\. The draft was not changed/,
    );
    expect(last.content).toContain('Pediatrics');
    office.run('sweep');
    expect(
      office.fakes.Drive.liveComments(doc.id).filter((c) => c.content.includes('Pediatrics')),
    ).toHaveLength(1);
    expect(dataRows(office.sheet('Responses'))).toHaveLength(3);
    expect(draftDocs(office)).toHaveLength(1);
  });
});

describe('a writer typing while intake rewrites the draft', () => {
  it('is not overwritten: Docs refuses the write to the revision intake checked, and the changes go in a comment', () => {
    const office = ready();
    const response = office.form().submit(RAW);
    office.submitEvent(response);
    const doc = draftDocs(office)[0]!;
    // The writer types right after intake's last look at the Doc (the get that fixes the revision).
    const documents = office.fakes.Docs.Documents;
    const realGet = documents.get.bind(documents);
    let gets = 0;
    documents.get = (id: string, ...rest: unknown[]) => {
      const got = (realGet as (id: string, ...r: unknown[]) => unknown)(id, ...rest);
      if (++gets === 2) office.fakes.Docs.userEdit(doc.id, 1, 'Typed just now. ', TEAM_WRITER);
      return got;
    };
    office.fakes.world.clock.advance(60 * 60 * 1000);
    office.form().editResponse(response.getId(), { [title('candidate.specialty')]: 'Family Medicine' });
    expect(office.submitEvent(office.form().getResponse(response.getId())).error).toBeUndefined();
    documents.get = realGet;
    const text = office.fakes.Docs.textOf(doc.id);
    expect(text.startsWith('Typed just now. ')).toBe(true);
    expect(text).not.toContain('Family Medicine');
    expect(office.fakes.Drive.liveComments(doc.id).at(-1)!.content).toMatch(/The draft was not changed/);
    expect(column(office.sheet('Orders'), 'Status')).toEqual(['DRAFTING']);
  });
});

describe('manager edits in the Orders sheet', () => {
  function withOrder() {
    const office = ready();
    office.submitEvent(office.form().submit(RAW));
    const orders = office.sheet('Orders');
    const header = orders.peekValues()[0]!;
    const col = (h: string) => header.indexOf(h) + 1;
    const edit = (h: string, typed: string, user = 'owner@cead-team.example') =>
      office.run('onTrackerEdit', orders.userEdit(2, col(h), typed, user));
    return { office, orders, col, edit };
  }

  it('reverts a change the transition rules refuse, with a note saying why, and logs it', () => {
    const { office, orders, col, edit } = withOrder();
    expect(edit('Status', 'DELIVERED').error).toBeUndefined();
    expect(column(orders, 'Status')).toEqual(['DRAFTING']);
    expect(orders.peekNote(2, col('Status'))).toMatch(/cannot go from DRAFTING to DELIVERED/);
    const log = dataRows(office.sheet('Log')).at(-1)!;
    expect([log[1], log[3]]).toEqual(['owner@cead-team.example', 'edit-reverted']);
  });

  it('applies an allowed change, completes the order and logs time and actor', () => {
    const { office, orders, col, edit } = withOrder();
    edit('Status', 'ON_HOLD');
    expect(column(orders, 'Status')).toEqual(['ON_HOLD']);
    expect(column(orders, 'Held from')).toEqual(['DRAFTING']);
    expect(orders.peekNote(2, col('Status'))).toBe('');
    const log = dataRows(office.sheet('Log')).at(-1)!;
    expect([log[1], log[3], log[4], log[5]]).toEqual([
      'owner@cead-team.example',
      'status',
      'DRAFTING',
      'ON_HOLD',
    ]);
    expect(String(log[0])).toMatch(/^2026-11-30T\d\d:\d\d:\d\d-05:00$/);
  });

  it("moves the Doc to a new writer's folder, tells them, and shares it with a reviewer without moving it", () => {
    const { office, orders, edit } = withOrder();
    const settings = office.sheet('Settings');
    const teamHeader = settings.peekValues().findIndex((r) => r[0] === 'Name');
    settings.seedRows(teamHeader + 3, [
      ['Ben Writer', 'ben@cead-team.example', 'writer'],
      ['Rex Reviewer', 'rex@cead-team.example', 'reviewer'],
    ]);
    const [doc] = draftDocs(office);
    const who = () =>
      office.fakes.Drive.access(doc!.id)
        .map((p) => p.emailAddress)
        .sort();
    expect(who()).toEqual([TEAM_WRITER]);

    expect(edit('Writer', 'ben@cead-team.example').error).toBeUndefined();
    expect(column(orders, 'Writer')).toEqual(['ben@cead-team.example']);
    const folder = office.fakes.world.files.get(doc!.parents[0]!)!;
    expect(folder.name).toBe('CEAD drafts: ben@cead-team.example');
    expect(folder.parents).toEqual([office.folderId()]);
    // Ana had the Doc through her folder only, so the move takes it from her.
    expect(who()).toEqual(['ben@cead-team.example']);
    const mail = office.fakes.MailApp.sent.at(-1)!;
    expect(mail.to).toBe('ben@cead-team.example');
    expect(mail.body).toContain(doc!.id);
    expect(mail.body).not.toContain('Rosa');

    // The sweep's new-draft email goes to nobody: Ben was told when it was handed to him.
    expect(office.run('sweep').error).toBeUndefined();
    expect(office.fakes.MailApp.sent.map((m) => m.to)).toEqual(['ben@cead-team.example']);

    expect(edit('Reviewer', 'rex@cead-team.example').error).toBeUndefined();
    expect(office.fakes.world.files.get(doc!.id)!.parents).toEqual([folder.id]);
    expect(who()).toEqual(['ben@cead-team.example', 'rex@cead-team.example']);
    const log = dataRows(office.sheet('Log')).map((r) => r[3]);
    expect(log).not.toContain('error');
  });

  it('waits out a sweep for the lock, and says on the cell when it could not check the change', () => {
    const { office, orders, col, edit } = withOrder();
    const logLines = dataRows(office.sheet('Log')).length;
    office.fakes.LockService.state.heldElsewhere = true;
    const t0 = office.fakes.world.clock.now().getTime();
    expect(edit('Status', 'DELIVERED').error).toBeUndefined();
    office.fakes.LockService.state.heldElsewhere = false;
    // It waited five minutes (virtual time), not thirty seconds.
    expect(office.fakes.world.clock.now().getTime() - t0).toBe(5 * 60 * 1000);
    // Put back, so the next edit's "before" is a value CEAD checked.
    expect(column(orders, 'Status')).toEqual(['DRAFTING']);
    expect(orders.peekNote(2, col('Status'))).toMatch(/^CEAD was busy for five minutes .*put back/);
    expect(dataRows(office.sheet('Log'))).toHaveLength(logLines);
    // Made again with the lock free, it is checked (and refused) as usual, and the note says why.
    expect(edit('Status', 'DELIVERED').error).toBeUndefined();
    expect(column(orders, 'Status')).toEqual(['DRAFTING']);
    expect(orders.peekNote(2, col('Status'))).toMatch(/cannot go from DRAFTING to DELIVERED/);
    // An allowed change made again is applied and logged.
    edit('Status', 'ON_HOLD');
    expect(column(orders, 'Status')).toEqual(['ON_HOLD']);
    expect(dataRows(office.sheet('Log')).at(-1)![3]).toBe('status');
  });

  it('flags a paste it cannot check against what was there, and one it could not check at all', () => {
    const { office, orders, col } = withOrder();
    const paste = () =>
      office.run(
        'onTrackerEdit',
        orders.userPaste(2, col('Package'), [['expedited', 'ON_HOLD']], 'owner@cead-team.example'),
      );
    expect(col('Status')).toBe(col('Package') + 1);
    expect(paste().error).toBeUndefined();
    expect(orders.peekNote(2, col('Package'))).toMatch(/^Pasted over several cells/);
    expect(dataRows(office.sheet('Log')).at(-1)![3]).toBe('edit-unchecked');
    office.fakes.LockService.state.heldElsewhere = true;
    expect(paste().error).toBeUndefined();
    office.fakes.LockService.state.heldElsewhere = false;
    expect(orders.peekNote(2, col('Status'))).toMatch(
      /^CEAD was busy for five minutes and could not check this paste/,
    );
  });

  it('recomputes the due date when the package changes', () => {
    const { orders, edit } = withOrder();
    const due = column(orders, 'Current due')[0];
    edit('Package', 'expedited');
    expect(column(orders, 'Package')).toEqual(['expedited']);
    const after = column(orders, 'Current due')[0] as Date;
    expect(after).not.toEqual(due);
    expect(formatDate(after, TZ, 'yyyy-MM-dd')).toBe('2026-12-01');
  });
});
