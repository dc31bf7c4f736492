import {
  countedItem,
  countedList,
  feedbackNote,
  labelledFeedback,
  relationshipFragment,
  relationshipInProse,
} from '../../../src/core/letter/fragments';

describe('relationshipFragment: a role as a sentence about the recommender', () => {
  it.each([
    [
      'Preceptor in clinic, three days a week.',
      'Dr. Birchfield was my preceptor in clinic, three days a week.',
    ],
    ['attending on general surgery', 'Dr. Birchfield was my attending on general surgery.'],
    ['Ward attending, two weeks', 'Dr. Birchfield was my ward attending for two weeks.'],
    ['attending, pediatric ward, 4 weeks', 'Dr. Birchfield was my attending, pediatric ward for four weeks.'],
    ['my clerkship director', 'Dr. Birchfield was my clerkship director.'],
  ])('%s', (fragment, sentence) => expect(relationshipFragment(fragment, 'Dr. Birchfield')).toBe(sentence));

  it.each([
    'I presented to him daily',
    'Rounded with the team',
    'ICU nights',
    'Castellano was attending of stroke service',
    '',
  ])('leaves %j', (text) => expect(relationshipFragment(text, 'Dr. Birchfield')).toBeNull());

  it('needs a recommender to name', () => expect(relationshipFragment('Preceptor', '')).toBeNull());

  it('never splits after a title, and leaves a sentence that names the recommender as it was', () => {
    const text = 'Dr. Castellano was attending of stroke service, I was with her team for all four weeks.';
    expect(relationshipInProse(text, 'Dr. Castellano')).toBe(text);
  });

  it('makes each fragment of an answer a sentence and leaves the candidate’s own sentences', () => {
    expect(
      relationshipInProse('Ward attending, two weeks; I presented to him daily on rounds.', 'Dr. Whitcomb'),
    ).toBe('Dr. Whitcomb was my ward attending for two weeks. I presented to him daily on rounds.');
  });
});

describe('countedItem: a procedure log entry in words', () => {
  it.each([
    ['lac repair x7', 'seven laceration repairs'],
    ['paracentesis x1 (supervised)', 'one paracentesis (supervised)'],
    ['ABG x3', 'three arterial blood gases'],
    ['LP x2', 'two lumbar punctures'],
    ['I&D x3', 'three I&Ds'],
    ['FAST x10 (supervised).', 'ten FAST exams (supervised)'],
    ['lap port closure x12', 'twelve laparoscopic port closures'],
    ['skin closure x20', '20 skin closures'],
    ['biopsy ×2', 'two biopsies'],
    ['central line', 'central line'],
    ['splint x0', 'splint x0'],
    ['Pap smears 4', 'four Pap smears'],
    ['skin biopsies 2', 'two skin biopsies'],
    ['1 IUD (assisted)', 'one IUD (assisted)'],
    ['biopsy 3', 'three biopsies'],
    ['paracentesis x2 (supervised)', 'two paracenteses (supervised)'],
    ['Lacerations 9', 'nine lacerations'],
    ['Foley catheters 15', '15 Foley catheters'],
    ['joint injection of the knee 2', 'two joint injections of the knee'],
    ['Echo reads with the fellow 20', '20 echo reads with the fellow'],
    ['thoracentesis 2', 'two thoracenteses'],
  ])('%s', (item, words) => expect(countedItem(item)).toBe(words));

  it('rewrites every counted item of a list and keeps its separators', () => {
    expect(countedList('ear irrigation x2, toenail removal x1; splinting')).toBe(
      'two ear irrigations, one toenail removal; splinting',
    );
  });
});

describe('labelledFeedback: the recommender’s praise as the candidate’s sentence', () => {
  it.each([
    ['Ferraro', 'Dr. Ferraro: "hardest worker on the team"', 'I was the hardest worker on the team.'],
    ['Whitcomb', 'Dr. Whitcomb: best sub-I this block', 'I was the best sub-I this block.'],
    ['Vukovic', 'Vukovic: “ready to function as an intern”', 'I was ready to function as an intern.'],
  ])('%s: %s', (surname, text, sentence) => expect(labelledFeedback(text, surname)).toBe(sentence));

  it('takes praise that names the candidate by first name as theirs', () => {
    expect(
      labelledFeedback(
        'Dr. Castellano: "Oleksandr is reliable and his knowledge of localization is excellent."',
        'Castellano',
        'Oleksandr',
      ),
    ).toBe('I was reliable and my knowledge of localization was excellent.');
    expect(labelledFeedback('Dr. Castellano: "Maria is reliable."', 'Castellano', 'Oleksandr')).toBeNull();
  });

  it('takes the recommender’s quoted praise the same way', () => {
    expect(labelledFeedback('Dr. Porter said "Maya is a natural"', 'Porter', 'Maya')).toBe(
      'I was a natural.',
    );
    expect(labelledFeedback('Dr. Porter wrote: “best student this year”', 'Porter')).toBe(
      'I was the best student this year.',
    );
    expect(labelledFeedback('Dr. Lee said "Maya is a natural"', 'Porter', 'Maya')).toBeNull();
  });

  it('leaves feedback from anyone else, and feedback that is not praise of the candidate', () => {
    expect(labelledFeedback('Dr. Lee: "hardest worker on the team"', 'Ferraro')).toBeNull();
    expect(labelledFeedback('Dr. Ferraro: families like working with me', 'Ferraro')).toBeNull();
    expect(labelledFeedback('Dr. Ferraro said I was ready', 'Ferraro')).toBeNull();
  });
});

describe('feedbackNote: feedback received, written as a label', () => {
  it.each([
    ['midpoint feedback: plans too vague', 'At midpoint, the feedback was that my plans were too vague.'],
    ['fb: knot tying slow', 'The feedback was that my knot tying was slow.'],
    [
      'feedback: need to set agenda at start of visit',
      'The feedback was that I needed to set agenda at start of visit.',
    ],
    [
      'feedback from Dr. Vukovic: disposition decisions slow',
      'Dr. Vukovic’s feedback was that my disposition decisions were slow.',
    ],
  ])('%s', (note, sentence) => expect(feedbackNote(note)).toBe(sentence));

  it.each(['feedback: great job', 'fb: my plans vague', 'plans too vague', 'Dr. Ferraro: hardest worker'])(
    'leaves %j',
    (note) => expect(feedbackNote(note)).toBeNull(),
  );
});
