/**
 * The words by which lesson plans label their parts, in English, French and Arabic, as they appear in UN
 * training packages and academies' own plans. Compared after normaliseForSearch (no case, accents or Arabic
 * diacritics, one spelling of interchangeable Arabic letters), so "Évaluation", "evaluation" and "EVALUATION"
 * are one label.
 */
import type { Language } from '../languages';
import { normaliseForSearch } from '../text-normalise';

/** The fields of a lesson a labelled section fills, plus the module-level ones and the two table markers. */
export const SECTION_FIELDS = [
  'summary',
  'outcomes',
  'aim',
  'relevance',
  'objectives',
  'duration',
  'methods',
  'materials',
  'roomSetup',
  'trainerNotes',
  'handouts',
  'evaluation',
  'references',
  'steps',
  'glance',
] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];

type Labels = Record<Language, string[]>;

/** Each field's labels, longest first where one begins another ("learning objectives" before "objectives"). */
const LABELS: Record<SectionField, Labels> = {
  summary: {
    en: ['module overview', 'overview', 'introduction', 'summary', 'module summary', 'description'],
    fr: ['presentation du module', 'presentation', 'introduction', 'resume', 'apercu', 'description'],
    ar: ['نظرة عامة', 'مقدمة', 'ملخص', 'وصف الوحدة'],
  },
  outcomes: {
    en: ['learning outcomes', 'module outcomes', 'outcomes'],
    fr: ["resultats d'apprentissage", 'resultats attendus', 'acquis d apprentissage'],
    ar: ['نواتج التعلم', 'مخرجات التعلم'],
  },
  aim: {
    en: ['aim', 'aims', 'lesson aim', 'purpose', 'goal', 'overall objective'],
    fr: ['but', 'objectif general', 'finalite', 'but de la seance', 'but de la lecon'],
    ar: ['الهدف', 'الهدف العام', 'الغاية', 'الغرض'],
  },
  relevance: {
    en: ['relevance', 'why it matters', 'rationale'],
    fr: ['pertinence', 'justification', 'pourquoi c est important'],
    ar: ['الاهمية', 'اهمية الدرس', 'المبررات'],
  },
  objectives: {
    en: ['learning objectives', 'objectives', 'lesson objectives', 'specific objectives'],
    fr: ["objectifs d'apprentissage", 'objectifs pedagogiques', 'objectifs specifiques', 'objectifs'],
    ar: ['اهداف التعلم', 'الاهداف التعليمية', 'الاهداف', 'الاهداف المحددة'],
  },
  duration: {
    en: ['duration', 'time', 'time required', 'length', 'total time'],
    fr: ['duree', 'duree totale', 'temps', 'temps necessaire'],
    ar: ['المدة', 'المدة الزمنية', 'الوقت', 'الزمن'],
  },
  methods: {
    en: ['methods', 'training methods', 'methodology', 'teaching methods', 'method'],
    fr: ['methodes', 'methodes pedagogiques', 'methodologie', 'methode'],
    ar: ['الاساليب', 'اساليب التدريب', 'المنهجية', 'الطرق', 'طرق التدريب'],
  },
  materials: {
    en: ['materials', 'resources', 'equipment', 'materials needed', 'training materials'],
    fr: ['materiel', 'materiels', 'materiel necessaire', 'ressources', 'supports'],
    ar: ['المواد', 'المواد اللازمة', 'الوسائل', 'الموارد', 'المعدات'],
  },
  roomSetup: {
    en: ['room set-up', 'room setup', 'room set up', 'room layout', 'room arrangement', 'seating'],
    fr: ['disposition de la salle', 'amenagement de la salle', 'organisation de la salle', 'installation de la salle'],
    ar: ['ترتيب القاعة', 'تنظيم القاعة', 'تجهيز القاعة'],
  },
  trainerNotes: {
    en: ["trainer notes", "trainer's notes", 'notes for the trainer', 'notes to the trainer', 'facilitator notes', 'trainer guidance'],
    fr: ['notes pour le formateur', 'notes du formateur', 'notes au formateur', 'conseils au formateur', 'notes a l intention du formateur'],
    ar: ['ملاحظات للمدرب', 'ملاحظات المدرب', 'ارشادات للمدرب', 'توجيهات للمدرب'],
  },
  handouts: {
    en: ['handouts', 'handout', 'participant handouts', 'participant materials'],
    fr: ['documents a distribuer', 'document a distribuer', 'polycopies', 'fiches participants', 'documents des participants'],
    ar: ['النشرات', 'المطبوعات', 'نشرة', 'مواد المشاركين'],
  },
  evaluation: {
    en: ['evaluation', 'assessment', 'evaluation questions', 'test questions', 'check your learning', 'knowledge check'],
    fr: ['evaluation', 'questions d evaluation', 'verification des acquis', 'controle des connaissances'],
    ar: ['التقييم', 'اسئلة التقييم', 'التقويم', 'اختبار'],
  },
  references: {
    en: ['references', 'further reading', 'sources', 'bibliography'],
    fr: ['references', 'bibliographie', 'pour aller plus loin', 'sources'],
    ar: ['المراجع', 'مراجع', 'المصادر', 'قراءات اضافية'],
  },
  steps: {
    en: ['lesson map', 'lesson plan', 'session plan', 'timetable', 'lesson outline', 'sequence of activities', 'activities'],
    fr: ['deroulement', 'deroulement de la seance', 'plan de seance', 'plan de la seance', 'carte de la lecon', 'sequence des activites', 'activites'],
    ar: ['سير الدرس', 'خطة الدرس', 'خريطة الدرس', 'تسلسل الانشطة', 'الانشطة'],
  },
  glance: {
    en: ['lesson at a glance', 'at a glance', 'session at a glance', 'lesson summary'],
    fr: ['la seance en un coup d oeil', 'en un coup d oeil', 'la lecon en bref', 'fiche de la seance'],
    ar: ['الدرس في لمحة', 'لمحة عن الدرس', 'الدرس باختصار'],
  },
};

/** Folds a label as the tables are written: apostrophes and hyphens as spaces, no punctuation at the end. */
export function foldLabel(text: string): string {
  return normaliseForSearch(text.replace(/[*_]/g, ''))
    .replace(/[’'`\-–]/g, ' ')
    .replace(/[:：.،,;؛]+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_LABEL = new Map<string, { field: SectionField; language: Language }>();
for (const field of SECTION_FIELDS) {
  for (const language of ['en', 'fr', 'ar'] as const) {
    for (const label of LABELS[field][language]) {
      const key = foldLabel(label);
      // First come, first kept: "evaluation" is English and French, and English is listed first.
      if (!BY_LABEL.has(key)) BY_LABEL.set(key, { field, language });
    }
  }
}
const LONGEST = Math.max(...[...BY_LABEL.keys()].map((key) => key.split(' ').length));

/** The field a whole text labels ("Learning objectives", "**Durée :**"), or null. */
export function labelOf(text: string): { field: SectionField; language: Language } | null {
  const folded = foldLabel(text);
  if (folded.length > 60) return null;
  return BY_LABEL.get(folded) ?? BY_LABEL.get(folded.replace(/^\d+(?:\.\d+)*\s*/, '')) ?? null;
}

/**
 * A label at the start of a paragraph followed by a colon and its content: "Aim: to …", "**Durée :** 90 min".
 * The label is looked for among the first words only, so an ordinary sentence with a colon is not taken.
 */
export function inlineLabel(text: string): { field: SectionField; language: Language; rest: string } | null {
  const match = /^\s*(?:\*\*|\*)?([^:：\n]{1,60}?)\s*[:：]\s*(?:\*\*|\*)?\s*([\s\S]+)$/u.exec(text);
  if (!match) return null;
  const head = match[1] ?? '';
  if (head.split(/\s+/).length > LONGEST) return null;
  const found = labelOf(head);
  const rest = (match[2] ?? '').replace(/^(?:\*\*|\*)\s*/, '').trim();
  return found && rest !== '' ? { ...found, rest } : null;
}

/** Words that open a module or a lesson heading: "Module 3", "Unité 2", "الوحدة ٤", "Lesson 3.1", "Séance 2". */
const MODULE_WORDS = /^(?:module|unit|unite|chapitre|chapter|الوحده|وحده|الوحدة|وحدة)\b|^(?:الوحده|وحده)/u;
const LESSON_WORDS = /^(?:lesson|session|lecon|seance|sequence|الدرس|درس|الجلسه|جلسه)(?:\s|$|\d|[:.])/u;

export function headingKind(text: string): 'module' | 'lesson' | null {
  const folded = normaliseForSearch(text).trim();
  if (LESSON_WORDS.test(folded)) return 'lesson';
  if (MODULE_WORDS.test(folded)) return 'module';
  return null;
}

/** "Lesson 3.2: Title" → "3.2"; "Module 4 — Title" → "4"; null when it carries no number. */
export function headingNumber(text: string): string | null {
  const match = /(\d{1,2}(?:\.\d{1,2})?)/.exec(normaliseForSearch(text));
  return match?.[1] ?? null;
}

/** "Lesson 3.2: Title" → "Title": the word and number go, the lesson gets its own code. */
export function headingTitle(text: string): string {
  const stripped = text
    .replace(/^\s*(?:module|unité|unite|unit|chapitre|chapter|lesson|session|leçon|lecon|séance|seance|séquence|sequence|الوحدة|وحدة|الدرس|درس|الجلسة|جلسة)(?=[\s\d٠-٩:：.]|$)\s*[\d٠-٩.]*\s*[:：\-–—.]?\s*/iu, '')
    .trim();
  return stripped === '' ? text.trim() : stripped;
}
