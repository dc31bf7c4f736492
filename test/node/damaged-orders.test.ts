import { newOrder, orderIdFor } from '../../src/core/orders';
import type { ResponseData } from '../../src/core/ports';
import { type DamageSources, damageInRun } from '../../src/node/damaged-orders';
import { DamagedFile, readResponseRecord } from '../../src/node/folder-records';

const order = newOrder({
  responseId: 'resp-1',
  submitted: '2026-09-08T10:00:00-04:00',
  lastUpdate: '2026-09-08T10:00:00-04:00',
  candidate: 'Rosa Delgado',
  email: 'rosa@example.com',
  specialty: 'Internal Medicine',
  recommender: 'Helen Varga, MD',
  package: 'standard',
});

/** Sources where only the response file of `resp-1` is damaged. */
const sources: DamageSources = {
  responses: {
    damage: (id) =>
      id === 'resp-1' ? new DamagedFile('responses/resp-1.json', 'not readable JSON') : undefined,
  },
  documents: { damage: () => undefined },
  sharing: { damage: () => undefined },
};

function input(timestamp: string): ResponseData {
  return { responseId: 'resp-1', timestamp, respondentEmail: '', editUrl: '', raw: { 'Full name': 'R' } };
}

describe('damageInRun', () => {
  it('says the answers were not stored when the input holds a version the folder may lack', () => {
    const run = damageInRun(sources, [order], [input('v2')], (r) => r.timestamp);
    expect(run.orders.has(orderIdFor('resp-1'))).toBe(true);
    expect(run.notes).toEqual([
      `${order.orderId}: responses/resp-1.json cannot be read (not readable JSON); it was left as it is, for this order to be seen to. Its answers in this input were not stored: restore the file, then run again.`,
    ]);
    expect([...run.files]).toEqual(['responses/resp-1.json']);
  });

  it('does not, when the input repeats the version the order has, or does not hold the response', () => {
    for (const list of [[input(order.submitted)], []]) {
      const run = damageInRun(sources, [order], list, (r) => r.timestamp);
      expect(run.notes).toEqual([
        `${order.orderId}: responses/resp-1.json cannot be read (not readable JSON); it was left as it is, for this order to be seen to.`,
      ]);
    }
  });

  it('finds nothing in intact files', () => {
    const none: DamageSources = { ...sources, responses: { damage: () => undefined } };
    expect(damageInRun(none, [order], [input('v2')], (r) => r.timestamp).orders.size).toBe(0);
  });
});

describe('readResponseRecord', () => {
  it('keeps every answer key as typed, __proto__ included, and refuses non-string answers', () => {
    const text = '{"responseId":"r","versions":[{"received":"v1","raw":{"__proto__":"x","a":"b"}}]}';
    const read = readResponseRecord(text, (id) => id === 'r');
    expect(read.ok && Object.keys(read.value.versions[0]!.raw)).toEqual(['__proto__', 'a']);
    expect(readResponseRecord(text.replace('"b"', '2'), () => true)).toEqual({
      ok: false,
      why: 'not a response record',
    });
  });
});
