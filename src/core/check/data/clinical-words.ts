/**
 * Words that are not in the common-English list but are no one's misspelled name either: clinical terms,
 * eponyms, letter vocabulary, months, days and place words that letters capitalize. The name check skips
 * them. Compiled for CEAD from common clinical usage (eponymous signs, scores and diseases that appear in
 * clerkship letters); add a word here when a real letter shows a false NAME_MISMATCH.
 */
export const CLINICAL_WORDS = `
acgme aamc eras nrmp usmle comlex ecfmg mspe slor sloe eslor eslor ferpa
md do mbbs phd mph facp faap facs facep faafp frcpc np pa rn pharmd msw lcsw
icu micu sicu picu nicu cvicu ccu ed er or pacu ob gyn obgyn peds im em fm ent pmr psych neuro ortho derm rads
sepsis septic cellulitis hypotension hypertension tachycardia bradycardia nephrotoxicity vancomycin aki ckd copd chf
hfref hfpef afib stemi nstemi acs dka hhs uti pna cap hap vap dvt pe gi gu ekg ecg echo ct mri cxr abg cbc bmp cmp
tte tee lp pft ng og iv im sq prn npo hpi ros mdm soap sbar ipass handoff handoffs sub-internship subinternship
sub-intern sub-interns subintern externship externships observership clerkship clerkships preceptor precepted
telemetry palliative hospice hospitalist hospitalists intensivist intensivists nephrology cardiology pulmonology
gastroenterology hepatology endocrinology rheumatology oncology hematology neonatology geriatrics toxicology
anesthesiology anesthesia dermatology neurology psychiatry pediatrics pediatric obstetrics gynecology urology
radiology pathology ophthalmology otolaryngology orthopaedic orthopedic orthopaedics orthopedics neurosurgery
interventional rehabilitation physiatry multidisciplinary interprofessional evidence-based rounding rounds
differential diagnoses pathophysiology comorbidities comorbidity etiology prognosis laparoscopic laparoscopy
appendectomy cholecystectomy thoracentesis paracentesis intubation extubation suturing venipuncture arterial
ultrasound ultrasonography sonography doppler echocardiogram electrocardiogram hemodynamic hemodynamically
anticoagulation antibiotics antibiotic diuresis diuretics insulin metformin heparin warfarin apixaban
preeclampsia eclampsia postpartum antepartum intrapartum cesarean neonatal newborn prenatal perinatal
bronchiolitis asthma pneumonia meningitis encephalopathy delirium dementia schizophrenia bipolar depression
suicidality psychosis catatonia detox withdrawal opioid opioids buprenorphine naloxone methadone
alzheimer parkinson crohn cushing addison graves hashimoto hodgkin kawasaki guillain barre wernicke korsakoff
bell apgar glasgow wells ranson child-pugh gram foley swan-ganz whipple nissen roux billroth hartmann heimlich
valsalva babinski kernig brudzinski murphy mcburney rovsing trendelenburg seldinger holter papanicolaou
sjogren raynaud charcot virchow kussmaul cheyne-stokes korotkoff tanner marfan turner klinefelter
stevens-johnson wolff-parkinson-white huntington tourette epley dix-hallpike romberg weber rinne snellen allen
phalen tinel lachman mcmurray ottawa centor alvarado bishop naegele leopold braxton-hicks pfannenstiel gleason
breslow mallory-weiss boerhaave zenker barrett meckel hirschsprung wilms ewing kaposi burkitt epstein-barr
down's downs bell's crohn's parkinson's alzheimer's cushing's addison's graves' hodgkin's
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
dear sincerely regards respectfully cordially warmly re ps cc enc
hospital medical center health university college school clinic institute foundation memorial general
county community regional children's veterans affairs va kaiser permanente mayo
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon
pennsylvania rhode island tennessee texas utah vermont virginia washington wisconsin wyoming
american united states america english spanish
`;
