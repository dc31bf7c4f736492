/** Lock, properties, triggers, mail, dates and forms: each fake refuses what Apps Script refuses. */
import { transientError } from './gas-world';
import { createGasFakes, installGasFakes } from './install-gas-fakes';
import { formatDate, MAX_PROPERTY_VALUE_BYTES, MAX_TRIGGERS_PER_USER } from './script-services';

describe('LockService fake', () => {
  it('lets one execution hold the script lock; others time out after waiting', () => {
    const fakes = createGasFakes();
    const a = fakes.LockService.getScriptLock();
    const b = fakes.LockService.getScriptLock();
    expect(a.tryLock(1000)).toBe(true);
    const t0 = fakes.world.clock.nowMs();
    expect(b.tryLock(5000)).toBe(false);
    expect(fakes.world.clock.nowMs() - t0).toBe(5000);
    expect(() => b.waitLock(100)).toThrow('Lock timeout');
    a.releaseLock();
    expect(b.tryLock(0)).toBe(true);
    fakes.endExecution();
    expect(a.tryLock(0)).toBe(true);
  });

  it('simulates another execution holding the lock', () => {
    const fakes = createGasFakes();
    fakes.LockService.state.heldElsewhere = true;
    expect(fakes.LockService.getScriptLock().tryLock(30000)).toBe(false);
  });
});

describe('PropertiesService fake', () => {
  it('stores strings and refuses values over 9 KB and stores over 500 KB', () => {
    const props = createGasFakes().PropertiesService.getScriptProperties();
    props.setProperty('n', 5);
    expect(props.getProperty('n')).toBe('5');
    expect(() => props.setProperty('big', 'x'.repeat(MAX_PROPERTY_VALUE_BYTES + 1))).toThrow(
      'Argument too large',
    );
    expect(props.getProperty('big')).toBeNull();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow(/property storage quota/);
  });
});

describe('ScriptApp fake', () => {
  it('creates triggers up to the per-user limit and only at the allowed minute intervals', () => {
    const fakes = createGasFakes();
    const form = fakes.FormApp.create('Q', true);
    const t = fakes.ScriptApp.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
    expect([t.getHandlerFunction(), t.getEventType(), t.getTriggerSourceId()]).toEqual([
      'onFormSubmit',
      'ON_FORM_SUBMIT',
      form.getId(),
    ]);
    expect(() => fakes.ScriptApp.newTrigger('sweep').timeBased().everyMinutes(7)).toThrow(
      /1, 5, 10, 15 or 30/,
    );
    for (let i = 1; i < MAX_TRIGGERS_PER_USER; i++)
      fakes.ScriptApp.newTrigger('sweep').timeBased().everyMinutes(10).create();
    expect(() => fakes.ScriptApp.newTrigger('sweep').timeBased().everyMinutes(10).create()).toThrow(
      /too many triggers/,
    );
    fakes.ScriptApp.deleteTrigger(t);
    expect(fakes.ScriptApp.getProjectTriggers()).toHaveLength(MAX_TRIGGERS_PER_USER - 1);
  });
});

describe('MailApp fake', () => {
  it('counts recipients against the daily quota', () => {
    const fakes = createGasFakes({ mailQuota: 2 });
    fakes.MailApp.sendEmail('a@x.example', 'Hi', 'body');
    fakes.MailApp.sendEmail({ to: 'b@x.example', subject: 'Hi', body: 'b' });
    expect(fakes.MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => fakes.MailApp.sendEmail('c@x.example', 'Hi', 'b')).toThrow(
      'too many times for one day: email',
    );
    expect(fakes.MailApp.sent.map((m) => m.to)).toEqual(['a@x.example', 'b@x.example']);
  });
});

describe('Utilities fake', () => {
  it('formats dates in a time zone across DST', () => {
    const winter = new Date('2026-01-15T17:05:09Z');
    const summer = new Date('2026-07-15T16:05:09Z');
    expect(formatDate(winter, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-01-15T12:05:09-05:00',
    );
    expect(formatDate(summer, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-07-15T12:05:09-04:00',
    );
    expect(formatDate(winter, 'UTC', 'yyyy-MM-dd HH:mm XXX')).toBe('2026-01-15 17:05 Z');
    expect(formatDate(new Date('2026-12-31T23:30:00-05:00'), 'America/New_York', 'yyyy-MM-dd')).toBe(
      '2026-12-31',
    );
    expect(() => formatDate(winter, 'Mars/Base', 'yyyy')).toThrow(/timeZone/);
  });

  it('sleeps in virtual time and refuses more than five minutes', () => {
    const fakes = createGasFakes();
    const t0 = fakes.world.clock.nowMs();
    fakes.Utilities.sleep(2000);
    expect(fakes.world.clock.nowMs() - t0).toBe(2000);
    expect(fakes.world.clock.slept).toEqual([2000]);
    expect(() => fakes.Utilities.sleep(300001)).toThrow();
    expect(new fakes.Date().getTime()).toBe(fakes.world.clock.nowMs());
  });
});

describe('FormApp fake', () => {
  it('makes unpublished forms unless asked, and published forms take responses', () => {
    const fakes = createGasFakes();
    const draft = fakes.FormApp.create('Q');
    draft.addTextItem().setTitle('Name').setRequired(true);
    expect(() => draft.submit({ Name: 'Rosa' })).toThrow(/not published/);
    draft.setPublished(true);
    const r = draft.submit({ Name: 'Rosa' }, 'rosa@example.org');
    expect(fakes.FormApp.openById(draft.getId()).getResponse(r.getId()).getRespondentEmail()).toBe(
      'rosa@example.org',
    );
    expect(() => draft.submit({})).toThrow(/required/);
  });

  it('keeps one validation per item and applies it to submissions', () => {
    const fakes = createGasFakes();
    const form = fakes.FormApp.create('Q', true);
    const item = form.addTextItem().setTitle('Year');
    item.setValidation(fakes.FormApp.createTextValidation().requireNumberBetween(1960, 2040).build());
    expect(() => form.submit({ Year: '1900' })).toThrow(/validation/);
    expect(() =>
      form.addParagraphTextItem().setValidation(fakes.FormApp.createTextValidation().requireNumber().build()),
    ).toThrow(/paragraph/);
    expect(() => form.addDateItem().setChoiceValues(['a'])).toThrow();
  });

  it('edits a response in place: same id, later timestamp; only when edits are allowed', () => {
    const fakes = createGasFakes();
    const form = fakes.FormApp.create('Q', true);
    form.addTextItem().setTitle('Name');
    const r = form.submit({ Name: 'Rosa' });
    expect(() => form.editResponse(r.getId(), { Name: 'Rosa D.' })).toThrow(/not allowed/);
    form.setAllowResponseEdits(true);
    const t0 = r.getTimestamp().getTime();
    fakes.world.clock.advance(60000);
    form.editResponse(r.getId(), { Name: 'Rosa D.' });
    const again = form.getResponse(r.getId());
    expect(again.getTimestamp().getTime()).toBe(t0 + 60000);
    expect(again.getItemResponses().map((i) => i.getResponse())).toEqual(['Rosa D.']);
    expect(form.getResponses()).toHaveLength(1);
  });
});

describe('installGasFakes', () => {
  it('puts the services in a global scope and fails the chosen call there', () => {
    const fakes = createGasFakes();
    const scope = installGasFakes({} as Record<string, unknown>, fakes);
    fakes.world.ledger.failOn('SpreadsheetApp', 'create', 1, transientError(0));
    const app = scope['SpreadsheetApp'] as typeof fakes.SpreadsheetApp;
    expect(() => app.create('x')).toThrow(/too many times in a short time/);
    expect(app.create('x').getName()).toBe('x');
  });
});
