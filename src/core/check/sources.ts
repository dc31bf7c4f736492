/**
 * The references behind the checker's rules. Each finding carries one of these as its `source`, so a writer
 * who disagrees with a finding can see what it rests on. Short citations only; see
 * docs and the shared domain notes for the findings of each study.
 */
export const SOURCES = {
  trix2003:
    'Trix F, Psenka C. Exploring the color of glass: letters of recommendation for female and male medical faculty. Discourse & Society 2003;14(2):191-220',
  schmader2007:
    'Schmader T, Whitehead J, Wysocki VH. A linguistic comparison of letters of recommendation for male and female chemistry and biochemistry job applicants. Sex Roles 2007;57:509-514',
  madera2009:
    'Madera JM, Hebl MR, Martin RC. Gender and letters of recommendation for academia: agentic and communal differences. J Appl Psychol 2009;94(6):1591-1599',
  saudek2018:
    'Saudek K, Saudek D, Treat R, et al. Dear Program Director: deciphering letters of recommendation. J Grad Med Educ 2018;10(3):261-266',
  arizonaCsw:
    'University of Arizona Commission on the Status of Women, Avoiding gender bias in reference writing (guide)',
  aamcLetters:
    'AAMC, Guidelines for writing letters of recommendation / ERAS letter of recommendation guidance for letter writers',
  acgmeCompetencies: 'ACGME Common Program Requirements: the six core competencies (1999); Milestones 2.0',
  acgmeSpecialties:
    'ACGME, Specialties and subspecialties with accredited programs (acgme.org specialty list)',
  ceadIntegrity:
    'CEAD letter integrity rule: the letter must match the order’s answers (product.md, "The letter check"); a letter with the wrong name, specialty or dates is worse than no letter',
  ceadStyle:
    'CEAD editorial rule: standard written English (articles, repeated words), as program directors read slips as carelessness',
  ceadProse:
    'CEAD editorial rule: a letter is the physician’s prose; bullet notes, fragments, chart shorthand, repeated sentences and stray characters read as an unfinished or generated draft',
  ceadViewpoint:
    'AAMC letter-writer guidance: the writer reports behaviour they observed directly; the candidate’s feelings and motives stated as the writer’s knowledge read as the candidate’s own words',
  ceadDated:
    'AAMC/ERAS: letters are dated and signed on letterhead with the writer’s contact details; a date long after the rotation reads as a reused letter',
  ceadNonNative:
    'CEAD editorial rule: the grammatical slips that program directors notice first in letters drafted by non-native writers (shared domain notes, "Why the letter matters")',
} as const;

export type SourceId = keyof typeof SOURCES;
