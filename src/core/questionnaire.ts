/**
 * The CEAD questionnaire, defined once as data. The Google Form (setup), the answer parsers,
 * validation and `cead questionnaire` all read this one definition, so an item's `id` is a contract:
 * never rename one, only add.
 */
import { COMPETENCIES } from './competencies';

export type ItemType = 'shortText' | 'paragraph' | 'choice' | 'date' | 'number' | 'email';

export interface Validation {
  /** Shortest and longest accepted text, in characters, for text items. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Inclusive bounds for number items. */
  readonly min?: number;
  readonly max?: number;
  /** Numbers must be whole. */
  readonly integer?: boolean;
  /** A regular expression (source) the trimmed text must match, with the message shown when it does not. */
  readonly pattern?: string;
  readonly patternHelp?: string;
}

export interface Item {
  readonly id: string;
  readonly title: string;
  readonly help: string;
  readonly type: ItemType;
  readonly required: boolean;
  /** For `choice` items: the options, in the order shown. */
  readonly choices?: readonly string[];
  /** For `choice` items: whether the candidate may write their own answer ("Other: …"). */
  readonly allowOther?: boolean;
  readonly validation?: Validation;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly help: string;
  readonly items: readonly Item[];
}

const PRONOUNS = ['she/her', 'he/him', 'they/them'] as const;
export const CANDIDATE_TYPES = [
  'US MD senior',
  'US DO senior',
  'US graduate',
  'International medical graduate',
  'Visiting international student',
] as const;
export const ROTATION_TYPES = [
  'Core clerkship',
  'Sub-internship',
  'Elective',
  'Externship',
  'Observership',
] as const;
export const ROTATION_SETTINGS = ['Inpatient', 'Outpatient', 'Inpatient and outpatient'] as const;
export const RECOMMENDER_DEGREES = ['MD', 'DO', 'MBBS', 'PhD', 'Other'] as const;
export const YES_NO = ['Yes', 'No'] as const;
export const FERPA_CHOICES = ['Yes', 'No', 'Undecided'] as const;
export const PACKAGE_CHOICES = ['standard', 'expedited', 'on-demand'] as const;

const competencySection: Section = {
  id: 'competencies',
  title: 'One example per competency',
  help: 'Program directors read letters organized by the six ACGME core competencies. For each, describe one real event from this rotation, in your own words and in the first person ("I examined…"). Concrete beats general: who, what you did, what happened. Do not invent anything; your writer will ask if something is unclear.',
  items: COMPETENCIES.map(
    (c): Item => ({
      id: `competency.${c.id}`,
      title: c.title,
      help: `${c.prompt} (${c.definition})`,
      type: 'paragraph',
      required: true,
      validation: { minLength: 40, maxLength: 5000 },
    }),
  ),
};

export const QUESTIONNAIRE: readonly Section[] = [
  {
    id: 'candidate',
    title: 'About you',
    help: 'Your name exactly as it must appear in the letter, and how the letter should refer to you.',
    items: [
      {
        id: 'candidate.fullName',
        title: 'Full name',
        help: 'Exactly as on your ERAS application, with accents and hyphens.',
        type: 'shortText',
        required: true,
        validation: { minLength: 2, maxLength: 120 },
      },
      {
        id: 'candidate.preferredName',
        title: 'How the letter should refer to you',
        help: 'For example "Dr. Delgado" or "Rosa Delgado". The letter uses this form every time.',
        type: 'shortText',
        required: false,
        validation: { maxLength: 120 },
      },
      {
        id: 'candidate.pronouns',
        title: 'Pronouns',
        help: 'The pronouns the letter uses for you.',
        type: 'choice',
        required: true,
        choices: PRONOUNS,
        allowOther: true,
      },
      {
        id: 'candidate.email',
        title: 'Your email',
        help: 'Where your writer reaches you about the draft.',
        type: 'email',
        required: true,
      },
      {
        id: 'candidate.type',
        title: 'You are a',
        help: '',
        type: 'choice',
        required: true,
        choices: CANDIDATE_TYPES,
      },
      {
        id: 'candidate.school',
        title: 'Medical school',
        help: '',
        type: 'shortText',
        required: true,
        validation: { maxLength: 200 },
      },
      {
        id: 'candidate.graduationYear',
        title: 'Year of graduation (or expected)',
        help: '',
        type: 'number',
        required: true,
        validation: { min: 1960, max: 2040, integer: true },
      },
      {
        id: 'candidate.specialty',
        title: 'Specialty you are applying to',
        help: 'For example "Internal Medicine". The letter names it; a wrong specialty sinks a letter.',
        type: 'shortText',
        required: true,
        validation: { minLength: 3, maxLength: 120 },
      },
      {
        id: 'candidate.ferpaWaived',
        title: 'Will you waive your right to see this letter (FERPA)?',
        help: 'You make this choice in MyERAS. If you waive, the final letter can never be shown to you.',
        type: 'choice',
        required: true,
        choices: FERPA_CHOICES,
      },
    ],
  },
  {
    id: 'recommender',
    title: 'Your recommender',
    help: 'The U.S. physician who supervised you and will sign the letter.',
    items: [
      {
        id: 'recommender.name',
        title: "Recommender's full name",
        help: 'Without "Dr." and without the degree, for example "Michael Chen".',
        type: 'shortText',
        required: true,
        validation: { minLength: 2, maxLength: 120 },
      },
      {
        id: 'recommender.degree',
        title: "Recommender's degree",
        help: '',
        type: 'choice',
        required: true,
        choices: RECOMMENDER_DEGREES,
        allowOther: true,
      },
      {
        id: 'recommender.title',
        title: "Recommender's title",
        help: 'For example "Clinical Associate Professor of Medicine" or "Attending Physician".',
        type: 'shortText',
        required: true,
        validation: { maxLength: 200 },
      },
      {
        id: 'recommender.specialty',
        title: "Recommender's specialty",
        help: '',
        type: 'shortText',
        required: true,
        validation: { maxLength: 120 },
      },
      {
        id: 'recommender.institution',
        title: "Recommender's institution",
        help: 'As it should appear on the letterhead.',
        type: 'shortText',
        required: true,
        validation: { maxLength: 200 },
      },
      {
        id: 'recommender.email',
        title: "Recommender's email",
        help: 'ERAS letters carry the writer’s contact details.',
        type: 'email',
        required: true,
      },
      {
        id: 'recommender.phone',
        title: "Recommender's phone",
        help: 'For example (206) 555-0188.',
        type: 'shortText',
        required: false,
        validation: {
          pattern: '^[+()0-9 .\\-]{7,25}(\\s*(x|ext\\.?)\\s*[0-9]{1,6})?$',
          patternHelp: 'a phone number such as (206) 555-0188',
        },
      },
      {
        id: 'recommender.usTrained',
        title: 'Did your recommender complete residency in the U.S.?',
        help: 'Program directors weigh letters from U.S.-trained physicians most.',
        type: 'choice',
        required: true,
        choices: YES_NO,
      },
      {
        id: 'recommender.relationship',
        title: 'How did this physician supervise you?',
        help: 'For example "My attending on the teaching service; I presented to him every morning".',
        type: 'paragraph',
        required: true,
        validation: { minLength: 10, maxLength: 1000 },
      },
    ],
  },
  {
    id: 'rotation',
    title: 'The rotation',
    help: 'Where, when and how you worked with your recommender.',
    items: [
      {
        id: 'rotation.name',
        title: 'Rotation name',
        help: 'For example "Internal Medicine sub-internship".',
        type: 'shortText',
        required: true,
        validation: { minLength: 3, maxLength: 200 },
      },
      {
        id: 'rotation.type',
        title: 'Rotation type',
        help: '',
        type: 'choice',
        required: true,
        choices: ROTATION_TYPES,
      },
      {
        id: 'rotation.setting',
        title: 'Setting',
        help: '',
        type: 'choice',
        required: true,
        choices: ROTATION_SETTINGS,
      },
      {
        id: 'rotation.site',
        title: 'Hospital or clinic',
        help: '',
        type: 'shortText',
        required: true,
        validation: { maxLength: 200 },
      },
      {
        id: 'rotation.city',
        title: 'City',
        help: '',
        type: 'shortText',
        required: true,
        validation: { maxLength: 100 },
      },
      {
        id: 'rotation.state',
        title: 'State',
        help: 'Two-letter code, for example WA.',
        type: 'shortText',
        required: true,
        validation: { pattern: '^[A-Za-z]{2}$', patternHelp: 'a two-letter U.S. state code such as WA' },
      },
      {
        id: 'rotation.start',
        title: 'First day of the rotation',
        help: '',
        type: 'date',
        required: true,
      },
      {
        id: 'rotation.end',
        title: 'Last day of the rotation',
        help: '',
        type: 'date',
        required: true,
      },
      {
        id: 'rotation.hoursPerWeek',
        title: 'Hours per week you worked with this recommender',
        help: 'An honest estimate.',
        type: 'number',
        required: false,
        validation: { min: 1, max: 100, integer: true },
      },
      {
        id: 'rotation.patientsPerDay',
        title: 'Patients you followed per day',
        help: '',
        type: 'number',
        required: false,
        validation: { min: 0, max: 100, integer: true },
      },
    ],
  },
  competencySection,
  {
    id: 'highlights',
    title: 'Highlights',
    help: 'Optional: anything that stood out.',
    items: [
      {
        id: 'highlights.procedures',
        title: 'Procedures you performed or assisted with',
        help: '',
        type: 'paragraph',
        required: false,
        validation: { maxLength: 2000 },
      },
      {
        id: 'highlights.presentations',
        title: 'Presentations or talks',
        help: '',
        type: 'paragraph',
        required: false,
        validation: { maxLength: 2000 },
      },
      {
        id: 'highlights.feedback',
        title: 'Feedback you received',
        help: 'Words your recommender or team used about your work, as exactly as you remember them.',
        type: 'paragraph',
        required: false,
        validation: { maxLength: 2000 },
      },
    ],
  },
  {
    id: 'order',
    title: 'Your order',
    help: '',
    items: [
      {
        id: 'order.package',
        title: 'Package',
        help: 'standard: 30 business days; expedited: 1 business day; on-demand: 4 business days after the video conference with the physician.',
        type: 'choice',
        required: true,
        choices: PACKAGE_CHOICES,
      },
      {
        id: 'order.reference',
        title: 'Order reference',
        help: 'The reference on your purchase confirmation.',
        type: 'shortText',
        required: false,
        validation: { maxLength: 100 },
      },
      {
        id: 'order.conferenceDate',
        title: 'Date of the video conference with the physician (on-demand only)',
        help: 'The on-demand clock starts at this date.',
        type: 'date',
        required: false,
      },
      {
        id: 'consent.modelAssist',
        title: 'May a language model help word your letter?',
        help: 'If you say yes, your writer may have a language model (Gemini, in your writer’s Google Cloud project or through Google’s Gemini API) propose clearer wording for one section at a time. Only that section’s answer and your name and pronouns are sent, never your email or phone. CEAD checks every proposed sentence against your answers, and your writer decides what stays. No answer means no.',
        type: 'choice',
        required: false,
        choices: YES_NO,
      },
    ],
  },
];

/** Every item, in questionnaire order. */
export const ITEMS: readonly Item[] = QUESTIONNAIRE.flatMap((s) => s.items);

export const ITEM_IDS = [
  'candidate.fullName',
  'candidate.preferredName',
  'candidate.pronouns',
  'candidate.email',
  'candidate.type',
  'candidate.school',
  'candidate.graduationYear',
  'candidate.specialty',
  'candidate.ferpaWaived',
  'recommender.name',
  'recommender.degree',
  'recommender.title',
  'recommender.specialty',
  'recommender.institution',
  'recommender.email',
  'recommender.phone',
  'recommender.usTrained',
  'recommender.relationship',
  'rotation.name',
  'rotation.type',
  'rotation.setting',
  'rotation.site',
  'rotation.city',
  'rotation.state',
  'rotation.start',
  'rotation.end',
  'rotation.hoursPerWeek',
  'rotation.patientsPerDay',
  'competency.patientCare',
  'competency.medicalKnowledge',
  'competency.practiceBasedLearning',
  'competency.communication',
  'competency.professionalism',
  'competency.systemsBasedPractice',
  'highlights.procedures',
  'highlights.presentations',
  'highlights.feedback',
  'order.package',
  'order.reference',
  'order.conferenceDate',
  'consent.modelAssist',
] as const;

/** A stable questionnaire item id. The test suite checks this list against `ITEMS`. */
export type ItemId = (typeof ITEM_IDS)[number];

/** A calendar date with no time or zone, as `YYYY-MM-DD`. */
export type IsoDate = string & { readonly __isoDate?: never };

type NumberItem = 'candidate.graduationYear' | 'rotation.hoursPerWeek' | 'rotation.patientsPerDay';
type DateItem = 'rotation.start' | 'rotation.end' | 'order.conferenceDate';

/**
 * Parsed, validated answers: text is normalized (see `normalizeText`), dates are ISO, numbers are numbers.
 * An absent key means the candidate left the item blank.
 */
export type Answers = {
  readonly [K in ItemId]?: K extends NumberItem ? number : K extends DateItem ? IsoDate : string;
};

export function itemById(id: string): Item | undefined {
  return ITEMS.find((i) => i.id === id);
}
