/**
 * Model assist in the back office: the step intake's drafter runs between composing a letter and writing
 * it, when the Settings sheet turns model assist on and the candidate consented. What happened to each
 * section goes to the Log as ids (order, section, status, model, prompt version, calls), never a prompt or
 * a response. Nothing here may fail intake: whatever goes wrong, the rule-based letter is written.
 */
import type { LetterModel } from '../core/letter/model';
import type { LetterStep } from '../core/letter-draft';
import type { Clock, EventLog, StateStore } from '../core/ports';
import {
  consentsToModel,
  type LetterRewrite,
  rewriteLetter,
  rewriteRecord,
} from '../core/rewrite/rewrite-letter';
import type { Settings } from '../core/settings';
import { systemLog } from '../core/tracker-row';
import { teamRewriter } from './model-rewriter';

export const REWRITE_EVENT = 'model-rewrite';

export interface AssistPorts {
  readonly state: StateStore;
  readonly log: EventLog;
  readonly clock: Clock;
}

/** The rewrite step for these settings, or undefined when the team's switch is off. */
export function modelAssistStep(settings: Settings, ports: AssistPorts): LetterStep | undefined {
  if (settings.modelAssist.service === 'off') return undefined;
  const rewriter = teamRewriter(settings.modelAssist, ports.state);
  const now = () => ({ now: ports.clock.localDateTime(ports.clock.now(), settings.timeZone) });
  const record = (orderId: string, details: readonly string[]) =>
    ports.log.append(details.map((d) => systemLog(now(), orderId, REWRITE_EVENT, '', '', d)));
  const unchanged = (letter: LetterModel): LetterRewrite => ({ model: letter, sections: [] });
  return (letter, answers, orderId) => {
    if (!consentsToModel(answers)) return unchanged(letter);
    if ('off' in rewriter) {
      // Turned on but not usable (no key): the manager sees why in the Log, and the rules' letter is kept.
      record(orderId, [`not sent: ${rewriter.off}`]);
      return unchanged(letter);
    }
    try {
      const result = rewriteLetter(letter, answers, { rewriter, sleep: (ms) => ports.clock.sleep(ms) });
      record(orderId, result.sections.map(rewriteRecord));
      return result;
    } catch {
      // A fault in the step itself (the model's own failures are handled inside rewriteLetter): the message
      // could quote the letter, so the Log gets only that it happened.
      record(orderId, ['not applied: the rewrite step failed; the rule-based letter was kept']);
      return unchanged(letter);
    }
  };
}
