import {
  highlightsSource,
  listInProse,
  presentationInProse,
  withoutRecommenderAttribution,
} from '../../../src/core/letter/highlights';

describe('highlights as sentences', () => {
  it('writes a list of procedures as a list in prose, keeping acronyms and counts', () => {
    expect(
      listInProse(
        'Laceration repairs (9), ultrasound-guided peripheral IVs (6), one lumbar puncture, splinting',
      ),
    ).toBe(
      'laceration repairs (9), ultrasound-guided peripheral IVs (6), one lumbar puncture, and splinting',
    );
    expect(listInProse('ABG x3 and paracentesis')).toBe('ABG x3 and paracentesis');
    expect(listInProse('Pap smears, skin biopsies (2)')).toBe('pap smears and skin biopsies (2)');
  });

  it('writes a "venue: topic" presentation as one noun phrase with an article', () => {
    expect(presentationInProse('Case conference: posterior STEMI missed on the standard ECG')).toBe(
      'a case conference on posterior STEMI missed on the standard ECG',
    );
    expect(presentationInProse('Morning report: adhesive small bowel obstruction.')).toBe(
      'a morning report on adhesive small bowel obstruction',
    );
    expect(presentationInProse('Two talks on sepsis bundles')).toBe('two talks on sepsis bundles');
  });

  it("drops the recommender's own attribution, never anyone else's", () => {
    expect(
      withoutRecommenderAttribution('Dr. Okonkwo said my presentations were organized.', 'Okonkwo'),
    ).toBe('My presentations were organized.');
    expect(
      withoutRecommenderAttribution('Dr. Ada Marsh wrote that I functioned as an intern.', 'Marsh'),
    ).toBe('I functioned as an intern.');
    expect(withoutRecommenderAttribution('My attending told me I was ready.', 'Marsh')).toBe('I was ready.');
    // The second reported clause loses its "that" with the frame; "that" elsewhere stays.
    expect(
      withoutRecommenderAttribution(
        'Dr. Santangelo said that my presentations were clear and that I knew my patients best. I said that I was glad, and that I would stay.',
        'Santangelo',
      ),
    ).toBe(
      'My presentations were clear and I knew my patients best. I said that I was glad, and that I would stay.',
    );
    expect(
      withoutRecommenderAttribution(
        'Dr. Marsh wrote that my notes were short, but that I missed the plan.',
        'Marsh',
      ),
    ).toBe('My notes were short, but I missed the plan.');
    expect(withoutRecommenderAttribution('The midwives said I was calm.', 'Marsh')).toBe(
      'The midwives said I was calm.',
    );
    expect(withoutRecommenderAttribution('Dr. Lee said I was calm.', 'Marsh')).toBe(
      'Dr. Lee said I was calm.',
    );
    // "he" would point at nobody once the attribution is gone.
    expect(withoutRecommenderAttribution('Dr. Marsh said I was the best student he had.', 'Marsh')).toBe(
      'Dr. Marsh said I was the best student he had.',
    );
  });

  it('joins the three answers as candidate-voice sentences, and leaves bullets and first person as typed', () => {
    expect(
      highlightsSource(
        {
          procedures: 'Joint injections (knee, 3), skin biopsies (2)',
          presentations: 'Grand rounds: NMS',
          feedback: '',
        },
        'Chen',
      ),
    ).toBe(
      'I performed or assisted with joint injections (knee, 3) and skin biopsies (2). I also presented a grand rounds on NMS.',
    );
    expect(highlightsSource({ procedures: '- lap port closure x12 - drain removal x5' }, 'Chen')).toBe(
      '- lap port closure x12 - drain removal x5',
    );
    expect(highlightsSource({ procedures: 'I did I&D x3 on my own.' }, 'Chen')).toBe(
      'I did I&D x3 on my own.',
    );
    expect(highlightsSource({ procedures: 'I&D x3, splinting' }, 'Chen')).toBe(
      'I performed or assisted with three I&Ds and splinting.',
    );
    expect(highlightsSource({}, 'Chen')).toBe('');
    // A presentation is given; a topic is presented.
    expect(
      highlightsSource(
        { presentations: 'Case presentation at neurology grand rounds on wake-up stroke' },
        'Chen',
      ),
    ).toBe('I gave a case presentation at neurology grand rounds on wake-up stroke.');
  });
});
