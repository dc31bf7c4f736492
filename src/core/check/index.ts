/** The letter check: `check(letterText, answers, context)` and everything a caller needs with it. */
export { check, hasErrors } from './check';
export { type CodeInfo, codeInfo, FINDING_CODES } from './codes';
export { docParagraphsToText, paragraphAt } from './doc-text';
export { SOURCES } from './sources';
export type { CheckContext, Finding, FindingCode, Severity } from './types';
