/**
 * The built sidebar (test-output/build/sidebar.html) in headless Chromium, with a `google.script.run`
 * stand-in that calls the real server functions over the test world (tracker, Docs emulator, comments).
 * Every state is photographed under test-output/sidebar/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { TEST_BUILD_DIR } from '../build-output';
import {
  CANDIDATE,
  createSidebarWorld,
  exampleAnswers,
  OUTSIDER,
  type SidebarWorld,
  TEAM,
} from '../gas/sidebar-world';

const SHOTS = join(__dirname, '..', '..', 'test-output', 'sidebar');
const PAGE_URL = 'https://sidebar.cead.test/sidebar.html';
const HTML = readFileSync(join(TEST_BUILD_DIR, 'sidebar.html'), 'utf8');

/** Text that would run script if any of it reached the page as markup. */
const HOSTILE = `<img src=x onerror="window.__pwned='img'"> </script><script>window.__pwned='script'</script> "quoted" 'single' & <b>bold</b>`;

/**
 * Installed before the page's own script: `google.script.run` with the real one's shape (handlers chosen
 * per call, asynchronous answers, JSON-only arguments), calling the server through an exposed function.
 */
const STAND_IN = `(() => {
  const make = (success, failure) => new Proxy({}, {
    get(_target, name) {
      if (name === 'withSuccessHandler') return (h) => make(h, failure);
      if (name === 'withFailureHandler') return (h) => make(success, h);
      return (...args) => {
        window.__ceadServer(String(name), JSON.stringify(args)).then(
          (json) => success && success(JSON.parse(json)),
          (e) => failure && failure(new Error(e && e.message ? e.message : String(e))),
        );
      };
    },
  });
  window.google = { script: { run: make(null, null) } };
})();`;

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'cead-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 300, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

interface Opened {
  readonly page: Page;
  readonly dialogs: string[];
  readonly requests: string[];
}

/** Opens the sidebar against `world`, signed in as whoever the world says. No request leaves the machine. */
async function open(world: SidebarWorld): Promise<Opened> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === PAGE_URL) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: HTML });
    if (url.startsWith('https://ssl.gstatic.com/'))
      return route.fulfill({ contentType: 'text/css', body: '' });
    return route.abort();
  });
  await page.exposeFunction('__ceadServer', (name: string, argsJson: string) => {
    const fn = (world.server as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return JSON.stringify(fn(...(JSON.parse(argsJson) as unknown[])));
  });
  await page.addInitScript(STAND_IN);
  await page.goto(PAGE_URL);
  await page.waitForFunction(
    () =>
      !document.getElementById('app')?.hasAttribute('aria-busy') &&
      document.getElementById('message')?.textContent !== 'Loading the order…',
  );
  return { page, dialogs, requests };
}

async function idle(page: Page) {
  await page.waitForFunction(
    () => !(document.getElementById('controls') as HTMLFieldSetElement | null)?.disabled,
  );
}

async function click(page: Page, selector: string) {
  await page.click(selector);
  await idle(page);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('the sidebar page', () => {
  it('is one HTML file with its script and styles inlined, and only Google’s add-on stylesheet linked', () => {
    expect(HTML).toContain(
      '<link rel="stylesheet" href="https://ssl.gstatic.com/docs/script/css/add-ons1.css">',
    );
    expect(HTML.match(/<script\b/g)).toHaveLength(1);
    expect(HTML.match(/<\/script>/g)).toHaveLength(1);
    expect(HTML).not.toMatch(/<script[^>]+src=/);
  });

  it('renders the order for the open Doc', async () => {
    const world = createSidebarWorld();
    const { page, requests } = await open(world);
    expect(await text(page, '#candidate')).toBe(CANDIDATE.name);
    const facts = await text(page, '#order');
    expect(facts).toContain('Internal Medicine');
    expect(facts).toContain('standard');
    expect(facts).toContain('Drafting');
    expect(facts).toContain('Wed, May 13, 2026');
    expect(facts).toContain('27 business days left');
    expect(facts).toContain(TEAM.writer.email);
    expect(facts).toContain('none yet');
    expect(requests.every((u) => u === PAGE_URL || u.startsWith('https://ssl.gstatic.com/'))).toBe(true);
    await shot(page, '1-order');
    await page.close();
  });

  it('runs the check, shows findings by severity, and selects a finding’s passage', async () => {
    const world = createSidebarWorld();
    // The writer adds faint praise, which the check reports as a warning beside the draft's placeholder.
    const closing = world.services.structure.namedRanges(world.documentId, 'cead:closing')[0]!;
    const faint = 'She responds well to feedback. ';
    world.docs.batchUpdate(
      { requests: [{ insertText: { text: faint, location: { index: closing.startIndex } } }] },
      world.documentId,
    );
    const { page } = await open(world);
    await click(page, '#check');
    expect(await text(page, '#check-summary')).toMatch(/1 error, 1 warning, 0 notes\.$/);
    expect(await text(page, '[data-severity="error"] h3')).toBe('Errors (1)');
    expect(await text(page, '[data-severity="warning"] h3')).toBe('Warnings (1)');
    expect(await text(page, '[data-severity="warning"] .code')).toBe('DOUBT_RAISER');
    await click(page, '[data-severity="warning"] button.finding');
    expect(await text(page, '#message')).toBe('Selected in the document.');
    expect(world.selections).toEqual([{ text: 'responds well to feedback', occurrence: 0 }]);
    await shot(page, '2-check');
    await page.close();
  });

  it('starts a session with chosen questions, then closes it with the rest deferred', async () => {
    const world = createSidebarWorld();
    const { page } = await open(world);
    await click(page, '#check');
    await page.check('#start-session input[type=checkbox] >> nth=0');
    await page.check('#start-session input[id^="f-"] >> nth=0');
    await page.fill(
      '#own-questions',
      'What did the family say after the meeting?\n\nHow many patients a day?',
    );
    await click(page, '#start');
    expect(await text(page, '#message')).toBe('Session 1 started: 4 questions posted for the candidate.');
    expect(await text(page, '#status')).toBe('Editing session');
    expect(await page.locator('#threads li[data-state="open"]').count()).toBe(4);
    expect(world.shares).toEqual([expect.objectContaining({ email: CANDIDATE.email, role: 'commenter' })]);
    await shot(page, '3-session-started');
    // What a writer first sees of this state, for the README (the viewport, not the whole page).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, '3-session-started-top.png') });

    // The candidate answers two threads; the writer resolves one of them in the Doc.
    const [first, second, third, fourth] = world.comments.map((c) => c.id);
    world.userReply(CANDIDATE.email, first!, 'Top 5 of about 60 students.');
    world.userReply(CANDIDATE.email, second!, 'Yes, March 27.');
    world.userReply(TEAM.writer.email, second!, '', 'resolve');
    await click(page, '#refresh');
    expect(await page.locator(`li[data-thread-id="${first}"]`).getAttribute('data-state')).toBe('answered');
    expect(await page.locator(`li[data-thread-id="${second}"]`).getAttribute('data-state')).toBe('resolved');
    expect(await text(page, `li[data-thread-id="${first}"] .last-reply`)).toBe(
      'Rosa Delgado: Top 5 of about 60 students.',
    );

    // Closing with threads left open is refused with the server's reason, as one line.
    await click(page, '#close');
    expect(await text(page, '#message')).toMatch(
      /^Resolve or defer \(with a reason\) every thread of session 1 first: /,
    );
    expect(await page.locator('#message').getAttribute('class')).toBe('error');
    for (const id of [first, third, fourth]) await page.fill(`#defer-${id}`, 'Ask Dr. Chen at signing');
    await click(page, '#close');
    expect(await text(page, '#message')).toBe('Session 1 closed; the order is back in Drafting.');
    expect(await text(page, '#status')).toBe('Drafting');
    expect(await text(page, '[data-round="1"]')).toContain(
      '4 threads — 0 open, 0 answered, 4 resolved (3 deferred)',
    );
    expect(await text(page, '#start')).toBe('Start session 2');
    await shot(page, '4-session-closed');
    await page.close();
  });

  it('shows what the reviewer may not do as disabled, with the reason', async () => {
    const world = createSidebarWorld();
    world.signIn(TEAM.reviewer.email);
    const { page } = await open(world);
    expect(await page.locator('#start').isDisabled()).toBe(true);
    expect(await text(page, '[data-reason-for="start"]')).toBe(
      'Only writers and managers can start an editing session; you are a reviewer.',
    );
    expect(await page.locator('#start').getAttribute('title')).toBe(
      'Only writers and managers can start an editing session; you are a reviewer.',
    );
    expect(await page.locator('#status-PHYSICIAN_REVIEW').isDisabled()).toBe(true);
    expect(await text(page, '[data-reason-for="status-PHYSICIAN_REVIEW"]')).toBe(
      'A physician reviewer cannot move an order from DRAFTING to PHYSICIAN_REVIEW; only a writer or a manager can.',
    );
    expect(await page.locator('#regenerate').isDisabled()).toBe(true);
    expect(await page.locator('#check').isDisabled()).toBe(false);
    expect(await page.locator('#export-pdf').isDisabled()).toBe(false);
    await shot(page, '5-reviewer');
    await page.close();
  });

  it('asks before regenerating a section, and says why an export is refused', async () => {
    const world = createSidebarWorld();
    const { page } = await open(world);
    await page.selectOption('#section-choice', 'professionalism');
    await click(page, '#regenerate');
    expect(await text(page, '#regenerate-confirm')).toContain('Replace the Professionalism section');
    await click(page, '#regenerate-no');
    expect(await page.locator('#regenerate-confirm').count()).toBe(0);
    await click(page, '#regenerate');
    await click(page, '#regenerate-yes');
    expect(await text(page, '#message')).toBe(
      'Professionalism was rewritten from the answers; the rest of the letter is unchanged.',
    );
    expect(world.log.at(-1)).toMatchObject({ event: 'section-regenerated', detail: 'professionalism' });
    await click(page, '#export-pdf');
    expect(await text(page, '#message')).toBe('The letter check reports 1 error; fix it before exporting.');
    await shot(page, '6-regenerate-export');
    await page.close();
  });

  it('shows a suggested rewrite beside Accept and Reject, and writes it only on Accept', async () => {
    const faithful =
      'Dr. Delgado found that our patients with heart failure were often discharged without a follow-up appointment, so she made a checklist with the case manager, and the team used it for the rest of the month.';
    const calls: string[] = [];
    const world = createSidebarWorld({
      answers: { ...exampleAnswers(), 'consent.modelAssist': 'Yes' },
      rewriter: {
        model: 'gemini-2.5-flash',
        rewrite: (request) => {
          calls.push(request.user);
          return { kind: 'text', text: faithful };
        },
      },
    });
    const { page } = await open(world);
    await page.selectOption('#section-choice', 'systemsBasedPractice');
    const before = world.docs.getText(world.documentId);
    await click(page, '#suggest');
    expect(calls).toHaveLength(1);
    expect(await text(page, '#suggestion-text')).toBe(faithful);
    expect(await page.locator('#suggestion-accept').isEnabled()).toBe(true);
    // A proposal is only shown: the Doc is as it was until the writer accepts.
    expect(world.docs.getText(world.documentId)).toBe(before);
    await shot(page, '7-suggest-rewrite');
    await click(page, '#suggestion-accept');
    expect(await text(page, '#message')).toBe(
      'Systems-Based Practice now has the accepted rewrite; a comment keeps the old text.',
    );
    expect(world.docs.getText(world.documentId)).toContain(`Systems-Based Practice. ${faithful}`);
    expect(world.order().modelRewrite).toMatch(
      /gemini-2\.5-flash \(prompt lor-section\/2\): systemsBasedPractice accepted in the sidebar$/,
    );
    expect(await page.locator('#suggestion').count()).toBe(0);
    await page.close();

    // Without the team's switch the button is there, disabled, and nothing is asked.
    const off = await open(
      createSidebarWorld({ answers: { ...exampleAnswers(), 'consent.modelAssist': 'Yes' } }),
    );
    expect(await off.page.locator('#suggest').isDisabled()).toBe(true);
    await off.page.close();
  });

  it('shows someone outside the team only "not authorized"', async () => {
    const world = createSidebarWorld();
    world.signIn(OUTSIDER);
    const { page } = await open(world);
    expect(await text(page, '#message')).toBe('Not authorized: CEAD is available to the drafting team only.');
    const body = await text(page, '#app');
    expect(body).not.toContain(CANDIDATE.name);
    expect(body).not.toContain(world.order().orderId);
    expect(await page.locator('button').count()).toBe(0);
    await shot(page, '7-not-authorized');
    await page.close();
  });

  it('renders hostile text from answers, the tracker and comments as inert text', async () => {
    const answers = {
      ...exampleAnswers(),
      'competency.professionalism': `I stayed after my shift. ${HOSTILE}`,
    };
    const world = createSidebarWorld({ answers });
    world.setOrder({ candidate: `Rosa ${HOSTILE}`, specialty: HOSTILE });
    const id = world.userComment(CANDIDATE.email, HOSTILE, HOSTILE);
    world.userReply(TEAM.reviewer.email, id, HOSTILE);
    const { page, dialogs } = await open(world);
    await click(page, '#check');
    await page.fill('#own-questions', HOSTILE);
    await click(page, '#start');
    expect(await text(page, '#message')).toMatch(/^Session 1 started/);
    await shot(page, '8-hostile');

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').filter({ hasText: 'bold' }).count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await text(page, '#candidate')).toBe(`Rosa ${HOSTILE}`);
    const body = await text(page, '#app');
    expect(body).toContain(`<img src=x onerror="window.__pwned='img'">`);
    expect(body).toContain(`</script><script>window.__pwned='script'</script>`);
    // The writer's own hostile question went to the Doc verbatim, as text.
    expect(world.comments.some((c) => c.text.includes('<img src=x onerror='))).toBe(true);
    await page.close();
  });
});
