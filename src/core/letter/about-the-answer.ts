/**
 * Sentences about the answer itself rather than the candidate's work: "I want to describe one patient…",
 * "In this answer I will talk about feedback.", "Sorry this is a bit long." A physician's letter never says
 * them, so the composer leaves them out of the body and hands them to the writer in a comment; what they
 * introduce ("one patient") still names the person the next sentence calls "she".
 *
 * Narrative past ("I wanted to explain the procedure to her") is not one of them.
 */

const ABOUT_THE_ANSWER = [
  /^(?:(?:here|so|first|now|today|finally|lastly|also),?\s+)?I(?:(?:\s+(?:\p{L}+ly|also))?\s+(?:want|would\s+like|wish|will|am\s+going|have\s+chosen|chose|decided)|['’]d\s+like|['’]m\s+going|['’]ll)\s+to\s+(?:describe|share|tell\s+you|talk\s+about|write\s+about|highlight|mention|focus\s+on|illustrate|give\s+an?\s+example|present\s+an?\s+example|say\s+(?:something|a\s+(?:few\s+words|word))\s+about)\b/iu,
  /^(?:in|for|with)\s+(?:this|my|the\s+following)\s+(?:example|answer|competency|section|question|response|essay|story)\b/iu,
  /^(?:this|my|the\s+following)\s+(?:example|answer|response|story)\s+(?:shows|demonstrates|illustrates|describes|is\s+about|is\s+from)\b/iu,
  /^(?:the|one|my)\s+example\s+(?:that\s+)?I\s+(?:chose|picked|selected|want|would\s+like|['’]d\s+like|will)\b/iu,
  /^I\s+(?:chose|picked|selected|have\s+chosen)\s+(?:this|the\s+following)\s+(?:example|story|case)\b/iu,
  // "This is the story I think about most from my rotation, so sorry that it is long."
  /^this\s+is\s+the\s+(?:story|case|example|patient)\s+(?:that\s+)?I\s+(?:think|remember|want|chose|picked)\b/iu,
  // An apology for the answer: its length, its English.
  /^(?:(?:and|so|but)\s+)?(?:I\s+am\s+|I['’]m\s+)?(?:very\s+|so\s+)?sorry\b/iu,
  /\bsorry\s+(?:that\s+|because\s+|if\s+)?(?:this|it|my\s+answer|the\s+answer|my\s+english)\s+(?:is|was|got|may\s+be)\b/iu,
  /^I\s+know\s+(?:this|my)\s+(?:answer|story|example)\s+is\s+(?:very\s+|too\s+|a\s+bit\s+|quite\s+)?long\b/iu,
  // "I hope this answers the question."
  /^I\s+hope\s+(?:this|that|it|my\s+answer)\s+(?:answers|helps|is\s+(?:enough|what))\b/iu,
];

/** Whether a sentence (its opening stripped of quotation marks) is about the answer itself. */
export function isAboutTheAnswer(sentence: string): boolean {
  const opening = sentence.replace(/^[\s“"‘(]+/, '');
  return ABOUT_THE_ANSWER.some((re) => re.test(opening));
}

/**
 * A sentence that frames its content as the answer's ("The patient I want to write about is a 61-year-old
 * man who…"), with the frame taken off ("The patient was a 61-year-old man who…"); null when it has none.
 */
export function withoutAnswerFrame(sentence: string): string | null {
  const m =
    /^(\s*)(The|One)\s+(patient|case|person|family)\s+(?:that\s+)?I\s+(?:want|would\s+like|chose|decided|am\s+going)\s+to\s+(?:write|talk|tell\s+you)\s+about\s+(?:here\s+)?(?:is|was)\b/u.exec(
      sentence,
    );
  if (!m) return null;
  const noun = m[3] === 'case' ? 'patient' : m[3]!;
  return `${m[1]}The ${noun} was${sentence.slice(m[0].length)}`;
}

const PERSON =
  /\b(?:a|an|one|this|the)\s+(?:[\p{L}-]+\s+){0,3}?(patient|case|woman|man|boy|girl|child|baby|infant|family)\b/iu;

/**
 * The person an answer-sentence introduces, as the letter names them next ("the patient"), or undefined
 * when it introduces nobody. A case is a patient; a woman or a man in a clinical answer is one too.
 */
export function introducedPerson(sentence: string): string | undefined {
  const noun = PERSON.exec(sentence)?.[1]?.toLowerCase();
  if (!noun) return undefined;
  if (noun === 'family') return 'the family';
  if (['boy', 'girl', 'child', 'baby', 'infant'].includes(noun)) return `the ${noun}`;
  return 'the patient';
}
