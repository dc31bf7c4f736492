import {
  aboutTheAnswer,
  emoji,
  firstPersonUnmarked,
  innerStateAsKnowledge,
  labelList,
  nameTwice,
  notesInBody,
  objectPronounAsSubject,
  presentTense,
  type SentenceContext,
  selfQuotation,
  smallCountAsDigit,
  splitAtLineBreak,
} from './detectors';
import { normalizeSentence } from './sentences';

const she: SentenceContext = {
  name: 'Okafor',
  subject: 'she',
  firstPersonAnswerSentences: new Set(
    [
      'I called the family every evening.',
      'I tell the resident at once.',
      'I am the sub-intern who carried the list.',
      'I was nervous to speak, but I knew it was right.',
      'This patient is the reason I want to train here.',
    ].map(normalizeSentence),
  ),
};
const withWe: SentenceContext = {
  ...she,
  firstPersonAnswerSentences: new Set([normalizeSentence('We called the family every evening.')]),
};
const they: SentenceContext = { ...she, subject: 'they' };
const he: SentenceContext = { ...she, subject: 'he' };
const nameOnly: SentenceContext = { name: 'Sam Okafor', firstPersonAnswerSentences: new Set() };

// Each detector must flag the sentences it is for and pass the ones a good letter has: a detector that
// cannot fail would make the ratchet meaningless.
describe('letter-quality detectors', () => {
  it('finds an object pronoun where a subject belongs', () => {
    expect(objectPronounAsSubject('When the nurse called, me asked for the gas.')).toBe(true);
    expect(objectPronounAsSubject('She presented to mine clinic twice.')).toBe(true);
    expect(objectPronounAsSubject('The patients she presented to I were complex.')).toBe(true);
    expect(objectPronounAsSubject('After her first week me told her the surveys missed injuries.')).toBe(
      true,
    );
    expect(objectPronounAsSubject('On rounds me was asking her about localization.')).toBe(true);
    expect(objectPronounAsSubject('She asked me to explain, and I told her.')).toBe(false);
    expect(objectPronounAsSubject('She presented to me every morning, and I asked her why.')).toBe(false);
    expect(objectPronounAsSubject('She compared her ratings with mine until they matched.')).toBe(false);
    expect(objectPronounAsSubject('⟦When the nurse called, me asked for the gas.⟧')).toBe(false);
  });

  it('finds the name twice in one sentence', () => {
    expect(nameTwice('Dr. Okafor asked the midwives to check Dr. Okafor’s exams.', she)).toBe(true);
    expect(nameTwice('Dr. Okafor asked the midwives to check her exams.', she)).toBe(false);
    expect(nameTwice('Sam Okafor said Sam Okafor would stay.', nameOnly)).toBe(true);
  });

  it('finds a label list', () => {
    expect(labelList('Procedures: lines; Presentations: morning report.')).toBe(true);
    expect(labelList('She gave one talk: on AKI staging.')).toBe(false);
  });

  it('finds the physician quoting themselves', () => {
    expect(selfQuotation('Feedback: I said her presentations were organized.')).toBe(true);
    expect(selfQuotation('I wrote that she functioned as an intern.')).toBe(true);
    expect(selfQuotation('She wrote down every question the family asked.')).toBe(false);
  });

  it('finds emoji, marked or not', () => {
    expect(emoji('She laughed 😄.')).toBe(true);
    expect(emoji('⟦It went well 👍⟧')).toBe(true);
    expect(emoji('She laughed, and so did the patient.')).toBe(false);
  });

  it('finds a sentence split at a line break', () => {
    expect(splitAtLineBreak('She called the.', 'nurse at once.')).toBe(true);
    expect(splitAtLineBreak('She showed him the pen needle,.', undefined)).toBe(true);
    expect(splitAtLineBreak('She examined the neck.', 'which was hard.')).toBe(true);
    expect(splitAtLineBreak('She told her.', 'The next day she came back.')).toBe(false);
    expect(splitAtLineBreak('She stayed because the patient asked her to.', undefined)).toBe(false);
    expect(splitAtLineBreak('The pump went back to OR.', undefined)).toBe(false);
    expect(splitAtLineBreak('She was the most caring student I had worked with.', undefined)).toBe(false);
  });

  it('finds bullets and note abbreviations in the body', () => {
    expect(notesInBody('- saw 5 pts/day')).toBe(true);
    expect(notesInBody('She admitted a 64F w/ COPD.')).toBe(true);
    expect(notesInBody('She started nebs -> improved.')).toBe(true);
    expect(notesInBody('She discharged him with follow-up in two weeks.')).toBe(false);
    expect(notesInBody('She saw five patients a day — more than most.')).toBe(false);
    expect(notesInBody('⟦- saw 5 pts/day⟧')).toBe(false);
  });

  it('finds a first-person candidate sentence left unmarked', () => {
    expect(firstPersonUnmarked('I called the family every evening.', she)).toBe(true);
    expect(firstPersonUnmarked('⟦I called the family every evening.⟧', she)).toBe(false);
    expect(firstPersonUnmarked('I supervised her for four weeks.', she)).toBe(false);
    expect(firstPersonUnmarked('We called the family every evening.', withWe)).toBe(false);
  });

  it('finds present-tense narration', () => {
    expect(presentTense('She tells the resident at once.', she)).toBe(true);
    expect(presentTense('Dr. Okafor is following a man with pneumonia.', she)).toBe(true);
    expect(presentTense('They are the sub-intern who carried the list.', they)).toBe(true);
    expect(presentTense('She told the resident at once.', she)).toBe(false);
    expect(presentTense('They were the sub-intern who carried the list.', they)).toBe(false);
    expect(presentTense('She always was on time.', she)).toBe(false);
    expect(presentTense('The patient said he feels better.', he)).toBe(false);
    // The parents' "they", in a they/them letter: the same words a she/her letter has.
    expect(presentTense('She made a checklist for the parents so they know what to order.', they)).toBe(
      false,
    );
  });

  it('finds inner states stated as the physician’s knowledge', () => {
    expect(innerStateAsKnowledge('Dr. Okafor has always liked physiology.', she)).toBe(true);
    expect(innerStateAsKnowledge('She was nervous to speak, but she knew it was right.', she)).toBe(true);
    expect(innerStateAsKnowledge('This patient is the reason she wants to train here.', she)).toBe(true);
    expect(innerStateAsKnowledge('She spoke up, and the count was repeated.', she)).toBe(false);
    expect(innerStateAsKnowledge('The mother was nervous before the procedure.', she)).toBe(false);
    // The pronoun of a patient who shares the candidate's pronoun is the patient's feeling, not theirs.
    expect(innerStateAsKnowledge('He was scared, and he did not want to be examined.', he)).toBe(false);
    expect(innerStateAsKnowledge('Okafor was scared before the procedure.', he)).toBe(true);
    expect(innerStateAsKnowledge('Okafor wrote notes for the patients she knew.', she)).toBe(false);
  });

  it('finds a small count written as a digit in prose', () => {
    expect(smallCountAsDigit('She followed about 5 patients each day.')).toBe(true);
    expect(smallCountAsDigit('She placed 2 large-bore lines.')).toBe(true);
    expect(smallCountAsDigit('She followed about five patients each day.')).toBe(false);
    expect(smallCountAsDigit('She gave 5 mg of morphine at 2 pm.')).toBe(false);
    expect(smallCountAsDigit('She explained type 2 respiratory failure; the score was 6.')).toBe(false);
    expect(smallCountAsDigit('His lactate was 1.4 and his creatinine 1.6 on day 3 of the stay.')).toBe(false);
    expect(smallCountAsDigit('She saw 12 patients a day.')).toBe(false);
    expect(smallCountAsDigit('She found the $4 generic list.')).toBe(false);
    expect(smallCountAsDigit('From July 6 to July 31, 2026, she rose by 9 in a day.')).toBe(false);
  });

  it('finds sentences about the answer', () => {
    expect(aboutTheAnswer('I want to describe one patient in detail.')).toBe(true);
    expect(aboutTheAnswer('Sorry, this is long.')).toBe(true);
    expect(aboutTheAnswer('I know this answer is a bit long.')).toBe(true);
    expect(aboutTheAnswer('She asked what three things they wanted to talk about.')).toBe(false);
    expect(aboutTheAnswer('Her notes were too long at first.')).toBe(false);
  });
});
