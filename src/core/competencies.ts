/**
 * The six ACGME core competencies (1999), in the order program directors expect them.
 * Definitions follow the ACGME wording; subcompetencies are the Milestones 2.0 harmonized names
 * (Patient Care and Medical Knowledge subcompetencies are specialty-specific, so they have none here).
 */

export type CompetencyId =
  | 'patientCare'
  | 'medicalKnowledge'
  | 'practiceBasedLearning'
  | 'communication'
  | 'professionalism'
  | 'systemsBasedPractice';

export interface Competency {
  readonly id: CompetencyId;
  /** The heading used in letters, exactly as ACGME names it. */
  readonly title: string;
  readonly abbreviation: string;
  readonly definition: string;
  /** What the questionnaire asks the candidate for. */
  readonly prompt: string;
  readonly subcompetencies: readonly string[];
}

export const COMPETENCIES: readonly Competency[] = [
  {
    id: 'patientCare',
    title: 'Patient Care',
    abbreviation: 'PC',
    definition:
      'Patient care that is compassionate, appropriate and effective for the treatment of health problems and the promotion of health.',
    prompt:
      'Describe one patient you cared for during this rotation: what you found, what you did, and what happened. Use "I" and give concrete details (age, problem, your actions, the outcome).',
    subcompetencies: [],
  },
  {
    id: 'medicalKnowledge',
    title: 'Medical Knowledge',
    abbreviation: 'MK',
    definition:
      'Knowledge of established and evolving biomedical, clinical and cognate sciences, and the application of this knowledge to patient care.',
    prompt:
      'Describe a moment when you applied medical knowledge: a question you answered on rounds, a diagnosis you reasoned through, a talk you gave.',
    subcompetencies: [],
  },
  {
    id: 'practiceBasedLearning',
    title: 'Practice-Based Learning and Improvement',
    abbreviation: 'PBLI',
    definition:
      "Investigating and evaluating one's own patient care, appraising and assimilating scientific evidence, and improving patient care through constant self-evaluation and life-long learning.",
    prompt:
      'Describe feedback you received or a gap you noticed in your own work, what you changed, and the result. Or describe evidence you looked up and used for a patient.',
    subcompetencies: [
      'Evidence-Based and Informed Practice',
      'Reflective Practice and Commitment to Personal Growth',
    ],
  },
  {
    id: 'communication',
    title: 'Interpersonal and Communication Skills',
    abbreviation: 'ICS',
    definition:
      'Interpersonal and communication skills that result in effective information exchange and teaming with patients, their families and other health professionals.',
    prompt:
      'Describe a conversation that mattered: with a patient, a family, a nurse or a consultant. What did you say or do, and what came of it?',
    subcompetencies: [
      'Patient- and Family-Centered Communication',
      'Interprofessional and Team Communication',
      'Communication within Health Care Systems',
    ],
  },
  {
    id: 'professionalism',
    title: 'Professionalism',
    abbreviation: 'PROF',
    definition:
      'A commitment to carrying out professional responsibilities, adherence to ethical principles and sensitivity to a diverse patient population.',
    prompt:
      'Describe a time you took responsibility beyond what was asked, handled an ethical question, or cared for a patient from a background different from yours.',
    subcompetencies: [
      'Professional Behavior and Ethical Principles',
      'Accountability/Conscientiousness',
      'Self-Awareness and Help-Seeking',
    ],
  },
  {
    id: 'systemsBasedPractice',
    title: 'Systems-Based Practice',
    abbreviation: 'SBP',
    definition:
      'Awareness of and responsiveness to the larger context and system of health care, and the ability to call effectively on system resources to provide care that is of optimal value.',
    prompt:
      'Describe how you worked with the wider system: a discharge you coordinated, a safety or quality problem you noticed and acted on, resources you found for a patient.',
    subcompetencies: [
      'Patient Safety and Quality Improvement',
      'System Navigation for Patient-Centered Care',
      'Physician Role in Health Care Systems',
    ],
  },
];

export function competencyById(id: CompetencyId): Competency {
  const found = COMPETENCIES.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown competency: ${id}`);
  return found;
}
