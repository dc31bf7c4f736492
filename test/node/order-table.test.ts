import type { OrderReport } from '../../src/node/local-run';
import { formatOrderTable, formatProblems, terminalSafe } from '../../src/node/order-table';

const report = (candidate: string, problems: string[] = []): OrderReport => ({
  orderId: 'CEAD-ABCDE-FGHJK',
  candidate,
  status: problems.length > 0 ? 'NEEDS_INFO' : 'DRAFTING',
  package: 'standard',
  due: '2026-12-18',
  problems,
  findings: [],
  files: [],
});

describe('the order table on a terminal', () => {
  it('prints no control character or direction override that came from the answers', () => {
    const hostile = 'Rosa\u001b[2J\u001b]0;pwned\u0007 Del\u202egado\u0000\u009b';
    const table = formatOrderTable([report(hostile)]);
    const problems = formatProblems([report('x', [`"Date" cannot be read: "\u001b[31m2026-13-01"`])]);
    for (const text of [table, problems]) {
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(table).toContain('Rosa\uFFFD[2J');
    expect(problems).toContain('\uFFFD[31m2026-13-01');
  });

  it('leaves ordinary names alone, accents and scripts included', () => {
    for (const name of ['Zoë Okonkwo-Brennan', 'Nguyễn Thị Minh', 'محمد الأحمد', '李雷']) {
      expect(terminalSafe(name)).toBe(name);
    }
  });
});
