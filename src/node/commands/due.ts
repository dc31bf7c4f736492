/**
 * `cead due --package NAME --from DATE`: the due date of an order, counted as the tracker counts it.
 */

import { parseDate } from '../../core/dates';
import { due } from '../../core/deadlines';
import { DEFAULT_CATALOG, findPackage, unknownPackageMessage } from '../../core/packages';
import { parseCommandArgs } from '../args';
import { type Command, EXIT, UsageError } from '../io';

const USAGE = `cead due --package NAME --from DATE [--json]

Prints the due date: the package's n-th business day after DATE. Business days are Monday to Friday,
without U.S. federal holidays on their observed dates.

  --package NAME  ${DEFAULT_CATALOG.map((p) => `${p.name} (${p.businessDays})`).join(', ')}; on-demand counts from the
                  video conference, so give the conference date as DATE
  --from DATE     the day the clock starts, YYYY-MM-DD (M/D/YYYY also works)
  --json          {"package", "from", "due", "businessDays"}`;

/** What `--json` prints; the field names are a stable contract. */
export interface DueReport {
  readonly package: string;
  readonly from: string;
  readonly due: string;
  readonly businessDays: number;
}

export const dueCommand: Command = {
  name: 'due',
  summary: 'the due date of an order for a package and a start date',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      package: { type: 'string' },
      from: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.package === undefined) {
      throw new UsageError(`missing --package NAME (${DEFAULT_CATALOG.map((p) => p.name).join(', ')})`);
    }
    if (values.from === undefined) throw new UsageError('missing --from DATE (YYYY-MM-DD)');
    const pkg = findPackage(DEFAULT_CATALOG, values.package);
    if (!pkg) throw new UsageError(unknownPackageMessage(DEFAULT_CATALOG, values.package));
    const from = parseDate(values.from);
    if (!from.ok) throw new UsageError(`--from "${values.from}" ${from.reason}`);
    const report: DueReport = {
      package: pkg.name,
      from: from.value,
      due: due(from.value, pkg)!,
      businessDays: pkg.businessDays,
    };
    io.out(values.json ? `${JSON.stringify(report)}\n` : `${report.due}\n`);
    return EXIT.ok;
  },
};
