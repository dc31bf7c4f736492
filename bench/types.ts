/** One line of the `npm run bench` table. */
export interface BenchRow {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** The target as text, e.g. "< 5 ms". */
  readonly target?: string;
  /** Whether the measured value meets the target. */
  readonly ok?: boolean;
}
