import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` with strict checking, its errors turned into one-line usage errors. */
export function parseCommandArgs<O extends Options>(
  argv: readonly string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (e) {
    // Read `message` rather than test `instanceof Error`: under jest, Node's own errors come from another realm.
    const message = (
      typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e)
    ).split('\n')[0]!;
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''));
  }
}
