/**
 * The orders a benchmark or the REST emulator puts in a tracker before a run: invented, one writer, every
 * seventh one in an editing session, so a sweep over them does the work a busy season's sweep does.
 */
import { newOrder, type Order } from '../../src/core/orders';

export function seededOrder(i: number, writer = 'ana@cead-team.example'): Order {
  return {
    ...newOrder({
      responseId: `seed-${i}`,
      submitted: '2026-10-01T09:00:00-04:00',
      lastUpdate: '2026-10-01T09:00:00-04:00',
    }),
    candidate: `Candidate ${i}`,
    status: i % 7 === 0 ? 'EDITING' : 'DRAFTING',
    writer,
    package: 'standard',
    start: '2026-10-01',
    originalDue: '2026-11-12',
    currentDue: '2026-12-02',
    businessDaysLeft: 2,
  };
}
