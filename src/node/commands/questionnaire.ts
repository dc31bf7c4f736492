/**
 * `cead questionnaire`: the questionnaire definition, for people (sections and items) or programs (JSON).
 */
import { ITEMS, type Item, QUESTIONNAIRE, type Section } from '../../core/questionnaire';
import { parseCommandArgs } from '../args';
import { type Command, EXIT } from '../io';

const USAGE = `cead questionnaire [--json]

Prints the questionnaire CEAD's form asks and its parsers read: each item's id (the key of an answers
JSON file), type, whether it is required, its title (the column header of a Forms CSV export) and choices.

  --json  {"sections": [{"id", "title", "help", "items": [{"id", "title", "help", "type", "required",
          "choices"?, "allowOther"?, "validation"?}]}]}`;

const TYPE_LABEL: Record<Item['type'], string> = {
  shortText: 'short text',
  paragraph: 'paragraph',
  choice: 'choice',
  date: 'date',
  number: 'number',
  email: 'email',
};

function rules(item: Item): string[] {
  const v = item.validation ?? {};
  const out: string[] = [];
  if (item.choices)
    out.push(`choices: ${item.choices.join(' | ')}${item.allowOther ? ' | (other: own words)' : ''}`);
  const kind = v.integer ? 'whole number' : 'number';
  if (v.min !== undefined && v.max !== undefined) out.push(`${kind} ${v.min}–${v.max}`);
  else if (v.max !== undefined) out.push(`${kind} up to ${v.max}`);
  else if (v.min !== undefined) out.push(`${kind} from ${v.min}`);
  if (v.minLength !== undefined && v.maxLength !== undefined)
    out.push(`${v.minLength}–${v.maxLength} characters`);
  else if (v.maxLength !== undefined) out.push(`at most ${v.maxLength} characters`);
  else if (v.minLength !== undefined) out.push(`at least ${v.minLength} characters`);
  if (v.patternHelp) out.push(`format: ${v.patternHelp}`);
  if (item.type === 'date') out.push('YYYY-MM-DD or M/D/YYYY');
  return out;
}

/** The human-readable listing. */
export function formatQuestionnaire(sections: readonly Section[]): string {
  const items = sections.flatMap((s) => s.items);
  const idWidth = Math.max(...items.map((i) => i.id.length));
  const typeWidth = Math.max(...Object.values(TYPE_LABEL).map((t) => t.length));
  const lines = [`CEAD questionnaire: ${items.length} items in ${sections.length} sections (* = required)`];
  for (const s of sections) {
    lines.push('', `${s.title}`);
    for (const item of s.items) {
      const mark = item.required ? '*' : ' ';
      lines.push(
        `  ${item.id.padEnd(idWidth)}  ${TYPE_LABEL[item.type].padEnd(typeWidth)}  ${mark} ${item.title}`,
      );
      for (const rule of rules(item)) lines.push(`  ${''.padEnd(idWidth + typeWidth + 4)}    ${rule}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const questionnaireCommand: Command = {
  name: 'questionnaire',
  summary: `the questionnaire: ${ITEMS.length} items with ids, types, choices and whether required`,
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } });
    io.out(
      values.json
        ? `${JSON.stringify({ sections: QUESTIONNAIRE }, null, 2)}\n`
        : formatQuestionnaire(QUESTIONNAIRE),
    );
    return EXIT.ok;
  },
};
