/**
 * Every HTTP call a `cead google sync` of one submission makes, failed in turn (once, with a 403 the
 * transport does not retry, so the failure reaches the core); then `sync` again recovers everything: one
 * order, drafting, one Doc with the letter's text, the session's threads, the answers intact. The same
 * promise as the Apps Script bundle test's fault injection (test/gas/bundle-flow.test.ts).
 */
import { expectedDraft, GoogleHarness, RAW } from './google-harness';

const h = new GoogleHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

async function submitted(): Promise<string> {
  await h.fresh();
  await h.cead('setup');
  return h.submit();
}

/** The sync's run, which may stop at the failure (the command then throws, as the CLI reports it). */
async function syncMayFail(): Promise<void> {
  try {
    await h.cead('sync');
  } catch {
    // The next sync is the recovery under test.
  }
}

it('recovers from a failure of every call in the intake path', async () => {
  await submitted();
  const probe = await h.cead('sync');
  const points = probe.calls.map((c) => c.method);
  const nth = (i: number) => points.slice(0, i + 1).filter((m) => m === points[i]).length;
  let covered = 0;
  for (const [i, method] of points.entries()) {
    const responseId = await submitted();
    await h.emulator.failNth(method, nth(i), { status: 403 });
    await syncMayFail();
    const fired = (await h.emulator.calls()).some((c) => c.method === method && c.status === 403);
    await h.cead('sync');
    const where = `${method} #${nth(i)}`;
    const orders = await h.rows('Orders');
    expect([where, orders.length, orders[0]?.includes('DRAFTING')]).toEqual([where, 1, true]);
    const docs = await h.drafts();
    expect([where, docs.length]).toEqual([where, 1]);
    const expected = expectedDraft(responseId);
    expect([where, await h.docText(docs[0]?.id ?? '')]).toEqual([where, expected.text]);
    expect([where, (await h.comments(docs[0]?.id ?? '')).length]).toEqual([
      where,
      expected.openQuestions.length,
    ]);
    const raw = await h.rows('Responses');
    expect([where, raw.length]).toEqual([where, 1]);
    expect([where, JSON.parse(raw[0]?.slice(2).join('') ?? '')]).toEqual([where, RAW]);
    if (fired) covered++;
  }
  console.log(
    `cead google fault injection: ${covered} of ${points.length} HTTP calls in a sync failed once and recovered`,
  );
  expect(covered).toBe(points.length);
});
