/**
 * `npm run bench`: one table with every figure the issues ask for. Each bench/*.bench.ts module
 * measures one topic and says its target; this runner prints them together and exits 1 when a target is
 * missed, so a regression is visible without a timed test that would flake on a shared machine. Topics
 * named on the command line (`npm run bench -- google`) run alone.
 */
import type { BenchRow } from '../bench/types';

type BenchModule = { rows(): Promise<BenchRow[]> };

const MODULES: ReadonlyArray<readonly [string, () => Promise<BenchModule>]> = [
  ['letter', () => import('../bench/letter.bench')],
  ['check', () => import('../bench/check.bench')],
  ['gas', () => import('../bench/gas.bench')],
  ['draft', () => import('../bench/draft.bench')],
  ['rewrite', () => import('../bench/rewrite.bench')],
  ['google', () => import('../bench/google.bench')],
];

function format(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value < 10 ? value.toFixed(3) : value.toFixed(1);
}

async function main(): Promise<number> {
  const table: Array<BenchRow & { topic: string }> = [];
  // `node build/cli/bench.js google check`: only those topics (a shared machine need not run them all).
  const only = process.argv.slice(2);
  for (const [topic, load] of MODULES) {
    if (only.length > 0 && !only.includes(topic)) continue;
    const mod = await load();
    for (const row of await mod.rows()) table.push({ topic, ...row });
  }
  const header = ['topic', 'figure', 'value', 'unit', 'target', 'ok'];
  const lines = table.map((r) => [
    r.topic,
    r.figure,
    format(r.value),
    r.unit,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) =>
    console.log(
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  for (const l of lines) print(l);
  return table.some((r) => r.ok === false) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
