import { codeInfo } from './codes';
import type { Finding, FindingCode } from './types';

/** A finding on `text[start, end)`, with the code's registered severity and (unless refined) source. */
export function findingAt(
  code: FindingCode,
  text: string,
  start: number,
  end: number,
  message: string,
  source?: string,
): Finding {
  const info = codeInfo(code);
  return {
    code,
    severity: info.severity,
    message,
    excerpt: text.slice(start, end),
    start,
    end,
    source: source ?? info.source,
  };
}

/** A finding about something absent from the letter: an empty excerpt at offset 0. */
export function findingAbsent(code: FindingCode, message: string, source?: string): Finding {
  return findingAt(code, '', 0, 0, message, source);
}
