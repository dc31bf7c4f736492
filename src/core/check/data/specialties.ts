/**
 * Specialties as program directors and letter writers name them: the ACGME-accredited residency
 * specialties, the subspecialties a letter may name as a career goal, and generic terms. Source: ACGME,
 * Specialties and subspecialties with accredited programs (acgme.org specialty list); variants and
 * abbreviations from common clinical usage.
 *
 * `names` match whole words in any capitals ("internal medicine"); `abbreviations` match with their capitals
 * only ("IM", "EM"), so "em" or "im" in ordinary words never match. `within`: naming this entry as the goal is
 * consistent with a candidate applying to any of these ids (cardiology within internal medicine; "surgery"
 * within every surgical specialty). `includes`: a combined program whose parts may be named
 * (Internal Medicine–Pediatrics).
 */
export interface SpecialtyEntry {
  readonly id: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly abbreviations?: readonly string[];
  readonly within?: readonly string[];
  readonly includes?: readonly string[];
}

const SURGICAL = [
  'general-surgery',
  'orthopaedic-surgery',
  'neurological-surgery',
  'plastic-surgery',
  'thoracic-surgery',
  'vascular-surgery',
  'colon-rectal-surgery',
  'urology',
  'otolaryngology',
  'obstetrics-gynecology',
  'ophthalmology',
];

export const SPECIALTIES: readonly SpecialtyEntry[] = [
  {
    id: 'allergy-immunology',
    name: 'Allergy and Immunology',
    names: ['allergy and immunology', 'allergy & immunology', 'allergy/immunology'],
    within: ['internal-medicine', 'pediatrics'],
  },
  {
    id: 'anesthesiology',
    name: 'Anesthesiology',
    names: ['anesthesiology', 'anaesthesiology', 'anesthesia', 'anaesthesia'],
    abbreviations: ['Anes'],
  },
  {
    id: 'colon-rectal-surgery',
    name: 'Colon and Rectal Surgery',
    names: ['colon and rectal surgery', 'colorectal surgery'],
    abbreviations: ['CRS'],
    within: ['general-surgery'],
  },
  { id: 'dermatology', name: 'Dermatology', names: ['dermatology'], abbreviations: ['Derm'] },
  {
    id: 'emergency-medicine',
    name: 'Emergency Medicine',
    names: ['emergency medicine'],
    abbreviations: ['EM'],
  },
  {
    id: 'family-medicine',
    name: 'Family Medicine',
    names: ['family medicine', 'family practice'],
    abbreviations: ['FM'],
  },
  { id: 'internal-medicine', name: 'Internal Medicine', names: ['internal medicine'], abbreviations: ['IM'] },
  {
    id: 'internal-medicine-pediatrics',
    name: 'Internal Medicine–Pediatrics',
    names: [
      'internal medicine-pediatrics',
      'internal medicine–pediatrics',
      'internal medicine and pediatrics',
      'internal medicine/pediatrics',
      'medicine-pediatrics',
      'med-peds',
      'med/peds',
      'medicine–pediatrics',
    ],
    abbreviations: ['Med-Peds', 'IM-Peds'],
    includes: ['internal-medicine', 'pediatrics'],
  },
  {
    id: 'medical-genetics',
    name: 'Medical Genetics and Genomics',
    names: ['medical genetics and genomics', 'medical genetics'],
  },
  {
    id: 'neurological-surgery',
    name: 'Neurological Surgery',
    names: ['neurological surgery', 'neurosurgery'],
    abbreviations: ['NSGY'],
  },
  { id: 'neurology', name: 'Neurology', names: ['neurology'], abbreviations: ['Neuro'] },
  {
    id: 'child-neurology',
    name: 'Child Neurology',
    names: ['child neurology', 'pediatric neurology'],
    within: ['neurology', 'pediatrics'],
  },
  { id: 'nuclear-medicine', name: 'Nuclear Medicine', names: ['nuclear medicine'] },
  {
    id: 'obstetrics-gynecology',
    name: 'Obstetrics and Gynecology',
    names: [
      'obstetrics and gynecology',
      'obstetrics & gynecology',
      'obstetrics and gynaecology',
      'obstetrics/gynecology',
      'ob/gyn',
      'ob-gyn',
      'obgyn',
      'ob gyn',
      'obstetrics',
      'gynecology',
    ],
    abbreviations: ['OB', 'OBG'],
  },
  { id: 'ophthalmology', name: 'Ophthalmology', names: ['ophthalmology'], abbreviations: ['Ophtho'] },
  {
    id: 'orthopaedic-surgery',
    name: 'Orthopaedic Surgery',
    names: ['orthopaedic surgery', 'orthopedic surgery', 'orthopaedics', 'orthopedics'],
    abbreviations: ['Ortho'],
  },
  {
    id: 'osteopathic-neuromusculoskeletal-medicine',
    name: 'Osteopathic Neuromusculoskeletal Medicine',
    names: ['osteopathic neuromusculoskeletal medicine', 'neuromusculoskeletal medicine'],
    abbreviations: ['ONMM'],
  },
  {
    id: 'otolaryngology',
    name: 'Otolaryngology – Head and Neck Surgery',
    names: [
      'otolaryngology – head and neck surgery',
      'otolaryngology-head and neck surgery',
      'otolaryngology',
      'head and neck surgery',
      'otorhinolaryngology',
    ],
    abbreviations: ['ENT', 'OHNS'],
  },
  {
    id: 'pathology',
    name: 'Pathology',
    names: ['pathology', 'anatomic and clinical pathology'],
    abbreviations: ['AP/CP'],
  },
  {
    id: 'pediatrics',
    name: 'Pediatrics',
    names: ['pediatrics', 'paediatrics', 'pediatric medicine'],
    abbreviations: ['Peds'],
  },
  {
    id: 'physical-medicine-rehabilitation',
    name: 'Physical Medicine and Rehabilitation',
    names: [
      'physical medicine and rehabilitation',
      'physical medicine & rehabilitation',
      'physiatry',
      'rehabilitation medicine',
    ],
    abbreviations: ['PM&R', 'PMR'],
  },
  {
    id: 'plastic-surgery',
    name: 'Plastic Surgery',
    names: ['plastic surgery', 'plastic and reconstructive surgery', 'plastics'],
  },
  {
    id: 'preventive-medicine',
    name: 'Preventive Medicine',
    names: [
      'preventive medicine',
      'public health and general preventive medicine',
      'occupational medicine',
      'aerospace medicine',
    ],
  },
  { id: 'psychiatry', name: 'Psychiatry', names: ['psychiatry'], abbreviations: ['Psych'] },
  {
    id: 'radiation-oncology',
    name: 'Radiation Oncology',
    names: ['radiation oncology'],
    abbreviations: ['Rad Onc', 'RadOnc'],
  },
  {
    id: 'diagnostic-radiology',
    name: 'Diagnostic Radiology',
    names: ['diagnostic radiology', 'radiology'],
    abbreviations: ['Rads'],
  },
  {
    id: 'interventional-radiology',
    name: 'Interventional Radiology',
    names: ['interventional radiology'],
    abbreviations: ['IR'],
    within: ['diagnostic-radiology'],
  },
  { id: 'general-surgery', name: 'General Surgery', names: ['general surgery'], abbreviations: ['Gen Surg'] },
  { id: 'surgery', name: 'Surgery', names: ['surgery'], within: SURGICAL },
  {
    id: 'thoracic-surgery',
    name: 'Thoracic Surgery',
    names: ['thoracic surgery', 'cardiothoracic surgery', 'cardiac surgery'],
    abbreviations: ['CT surgery'],
    within: ['general-surgery'],
  },
  { id: 'urology', name: 'Urology', names: ['urology'], abbreviations: ['Uro'] },
  {
    id: 'vascular-surgery',
    name: 'Vascular Surgery',
    names: ['vascular surgery'],
    within: ['general-surgery'],
  },
  { id: 'transitional-year', name: 'Transitional Year', names: ['transitional year'], abbreviations: ['TY'] },
  // Subspecialties a letter names as the candidate's long-term goal.
  {
    id: 'cardiology',
    name: 'Cardiology',
    names: ['cardiology', 'cardiovascular disease', 'interventional cardiology', 'electrophysiology'],
    within: ['internal-medicine', 'internal-medicine-pediatrics'],
  },
  {
    id: 'gastroenterology',
    name: 'Gastroenterology',
    names: ['gastroenterology', 'hepatology'],
    abbreviations: ['GI'],
    within: ['internal-medicine', 'internal-medicine-pediatrics', 'pediatrics'],
  },
  {
    id: 'nephrology',
    name: 'Nephrology',
    names: ['nephrology'],
    within: ['internal-medicine', 'internal-medicine-pediatrics', 'pediatrics'],
  },
  {
    id: 'pulmonary-critical-care',
    name: 'Pulmonary and Critical Care Medicine',
    names: [
      'pulmonary and critical care',
      'pulmonary and critical care medicine',
      'pulmonology',
      'pulmonary medicine',
    ],
    abbreviations: ['PCCM'],
    within: ['internal-medicine', 'internal-medicine-pediatrics', 'pediatrics'],
  },
  {
    id: 'critical-care',
    name: 'Critical Care Medicine',
    names: ['critical care medicine', 'critical care'],
    within: [
      'internal-medicine',
      'anesthesiology',
      'emergency-medicine',
      'general-surgery',
      'surgery',
      'pediatrics',
      'internal-medicine-pediatrics',
      'neurology',
      'neurological-surgery',
    ],
  },
  {
    id: 'hematology-oncology',
    name: 'Hematology and Medical Oncology',
    names: [
      'hematology and oncology',
      'hematology/oncology',
      'hematology-oncology',
      'medical oncology',
      'oncology',
      'hematology',
    ],
    abbreviations: ['Heme/Onc', 'Heme-Onc'],
    within: ['internal-medicine', 'internal-medicine-pediatrics', 'pediatrics'],
  },
  {
    id: 'infectious-disease',
    name: 'Infectious Disease',
    names: ['infectious disease', 'infectious diseases'],
    within: ['internal-medicine', 'internal-medicine-pediatrics', 'pediatrics'],
  },
  {
    id: 'endocrinology',
    name: 'Endocrinology',
    names: ['endocrinology'],
    within: ['internal-medicine', 'internal-medicine-pediatrics', 'pediatrics'],
  },
  {
    id: 'rheumatology',
    name: 'Rheumatology',
    names: ['rheumatology'],
    within: ['internal-medicine', 'internal-medicine-pediatrics', 'pediatrics'],
  },
  {
    id: 'geriatrics',
    name: 'Geriatric Medicine',
    names: ['geriatric medicine', 'geriatrics'],
    within: ['internal-medicine', 'family-medicine', 'internal-medicine-pediatrics', 'psychiatry'],
  },
  {
    id: 'hospital-medicine',
    name: 'Hospital Medicine',
    names: ['hospital medicine'],
    within: ['internal-medicine', 'family-medicine', 'pediatrics', 'internal-medicine-pediatrics'],
  },
  {
    id: 'sports-medicine',
    name: 'Sports Medicine',
    names: ['sports medicine'],
    within: [
      'family-medicine',
      'internal-medicine',
      'emergency-medicine',
      'pediatrics',
      'physical-medicine-rehabilitation',
      'orthopaedic-surgery',
    ],
  },
  {
    id: 'palliative-medicine',
    name: 'Hospice and Palliative Medicine',
    names: ['hospice and palliative medicine', 'palliative medicine', 'palliative care'],
    within: [
      'internal-medicine',
      'family-medicine',
      'emergency-medicine',
      'pediatrics',
      'anesthesiology',
      'psychiatry',
      'neurology',
      'internal-medicine-pediatrics',
      'physical-medicine-rehabilitation',
      'radiation-oncology',
      'general-surgery',
      'obstetrics-gynecology',
    ],
  },
  {
    id: 'neonatology',
    name: 'Neonatal-Perinatal Medicine',
    names: ['neonatal-perinatal medicine', 'neonatology'],
    within: ['pediatrics'],
  },
  {
    id: 'child-psychiatry',
    name: 'Child and Adolescent Psychiatry',
    names: ['child and adolescent psychiatry', 'child psychiatry'],
    within: ['psychiatry'],
  },
  {
    id: 'addiction-medicine',
    name: 'Addiction Medicine',
    names: ['addiction medicine', 'addiction psychiatry'],
    within: [
      'psychiatry',
      'internal-medicine',
      'family-medicine',
      'emergency-medicine',
      'preventive-medicine',
      'internal-medicine-pediatrics',
    ],
  },
  {
    id: 'maternal-fetal-medicine',
    name: 'Maternal-Fetal Medicine',
    names: ['maternal-fetal medicine', 'maternal fetal medicine'],
    abbreviations: ['MFM'],
    within: ['obstetrics-gynecology'],
  },
  {
    id: 'surgical-oncology',
    name: 'Surgical Oncology',
    names: [
      'surgical oncology',
      'trauma surgery',
      'acute care surgery',
      'pediatric surgery',
      'transplant surgery',
    ],
    within: ['general-surgery', 'surgery'],
  },
  {
    id: 'pediatric-emergency-medicine',
    name: 'Pediatric Emergency Medicine',
    names: ['pediatric emergency medicine'],
    within: ['pediatrics', 'emergency-medicine'],
  },
  {
    id: 'global-health',
    name: 'Global Health',
    names: ['global health', 'rural medicine', 'primary care', 'academic medicine'],
    within: [
      'internal-medicine',
      'family-medicine',
      'pediatrics',
      'internal-medicine-pediatrics',
      'obstetrics-gynecology',
      'emergency-medicine',
      'psychiatry',
      'general-surgery',
      'surgery',
      'preventive-medicine',
    ],
  },
];
