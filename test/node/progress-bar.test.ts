import { formatDuration, progressBar } from '../../src/node/progress-bar';

function bar() {
  let written = '';
  let clock = 0;
  const progress = progressBar({ err: (t) => (written += t) }, () => clock);
  return {
    progress,
    at: (ms: number) => {
      clock = ms;
    },
    lines: () => written.split('\r').filter((l) => l !== ''),
  };
}

describe('the progress bar', () => {
  it('shows how far, the rate and the time left at that rate', () => {
    const b = bar();
    b.at(10000);
    b.progress.update('drafting', 250, 1000);
    expect(b.lines().at(-1)).toBe(
      `drafting       [######..................] 250/1000  25/s  30 s left\x1b[K`,
    );
    b.at(40000);
    b.progress.update('drafting', 1000, 1000);
    expect(b.lines().at(-1)).toBe(`drafting       [########################] 1000/1000  25/s  done\x1b[K`);
    b.progress.finish();
    expect(b.lines().at(-1)).toBe('\x1b[K');
  });

  it('redraws at most four times a second, but always the last step', () => {
    const b = bar();
    b.at(1000);
    for (let done = 1; done <= 100; done++) b.progress.update('drafting', done, 100);
    // The first step, then nothing until 250 ms pass, except the last.
    expect(b.lines()).toHaveLength(2);
    expect(b.lines()[1]).toContain('100/100');
  });

  it('says a long wait in minutes and hours', () => {
    expect(formatDuration(59.4)).toBe('59 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});
