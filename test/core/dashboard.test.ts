import { dashboardOf, mondayOf } from '../../src/core/dashboard';
import { newOrder, type Order, type OrderStatus } from '../../src/core/orders';

function order(
  i: number,
  status: OrderStatus,
  currentDue: string | null,
  businessDaysLeft: number | null = null,
): Order {
  return {
    ...newOrder({ responseId: `r${i}`, submitted: '', lastUpdate: '' }),
    status,
    currentDue,
    originalDue: currentDue,
    businessDaysLeft,
  };
}

describe('dashboardOf', () => {
  // Monday 2026-11-30; Tuesday 2026-12-01 is the next business day.
  const today = '2026-11-30';
  const orders = [
    order(1, 'DRAFTING', '2026-11-27'), // overdue (Friday before)
    order(2, 'EDITING', '2026-11-30'), // due today: at risk
    order(3, 'DRAFTING', '2026-12-01'), // next business day: at risk
    order(4, 'DRAFTING', '2026-12-02'), // on track
    order(5, 'NEEDS_INFO', null),
    order(6, 'CANCELLED', '2026-11-01'), // finished: neither overdue nor counted on time
    order(7, 'DELIVERED', '2026-11-20', 2), // finished early
    order(8, 'FINALIZED', '2026-11-20', -1), // finished late
  ];
  const d = dashboardOf(orders, today);

  it('counts every status, zeros included', () => {
    expect(d.total).toBe(8);
    expect(d.byStatus).toHaveLength(11);
    expect(d.byStatus.find((s) => s.status === 'DRAFTING')?.count).toBe(3);
    expect(d.byStatus.find((s) => s.status === 'ERROR')?.count).toBe(0);
  });

  it('counts open orders overdue and due within a business day, not finished ones', () => {
    expect(d.overdue).toBe(1);
    expect(d.atRisk).toBe(2);
  });

  it('rates finished letters by the days left they finished with', () => {
    expect(d.finishedWithDue).toBe(2);
    expect(d.finishedOnTime).toBe(1);
    expect(d.onTimeRate).toBe(0.5);
    expect(dashboardOf([order(1, 'DRAFTING', today)], today).onTimeRate).toBeNull();
  });

  it('groups open orders by the Monday of their due week', () => {
    expect(d.dueByWeek).toEqual([
      { weekOf: '2026-11-23', count: 1 },
      { weekOf: '2026-11-30', count: 3 },
    ]);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });
});
