/**
 * Bloom level from an objective's verb, in English, French and Arabic. Only verbs that belong to one level
 * in the usual tables are listed; a verb that sits on two levels ("describe", "identify" in some tables),
 * or no verb found, gives null, and the import marks the level "to check" instead of guessing.
 */
import type { BloomLevel } from '../../schemas/module';
import { normaliseForSearch } from '../text-normalise';

const VERBS: Record<BloomLevel, string[]> = {
  remember: [
    'list', 'name', 'state', 'define', 'recall', 'recognise', 'recognize', 'memorise', 'repeat', 'label', 'cite',
    'enumerer', 'nommer', 'definir', 'citer', 'rappeler', 'reconnaitre', 'lister', 'enoncer',
    'يعدد', 'يسمي', 'يعرف', 'يذكر', 'يتذكر', 'تعداد', 'تسميه', 'تعريف', 'ذكر', 'تذكر',
  ],
  understand: [
    'explain', 'summarise', 'summarize', 'describe', 'discuss', 'interpret', 'paraphrase', 'classify', 'outline', 'understand', 'distinguish',
    'expliquer', 'resumer', 'decrire', 'interpreter', 'classer', 'comprendre', 'distinguer', 'presenter',
    'يشرح', 'يلخص', 'يصف', 'يفسر', 'يميز', 'يفهم', 'شرح', 'تلخيص', 'وصف', 'تفسير', 'التمييز', 'فهم',
  ],
  apply: [
    'apply', 'use', 'demonstrate', 'perform', 'carry out', 'conduct', 'implement', 'practise', 'practice', 'handle', 'complete', 'solve',
    'appliquer', 'utiliser', 'demontrer', 'effectuer', 'mener', 'mettre en oeuvre', 'pratiquer', 'realiser', 'resoudre', 'executer',
    'يطبق', 'يستخدم', 'يجري', 'ينفذ', 'يمارس', 'يحل', 'تطبيق', 'استخدام', 'اجراء', 'تنفيذ', 'ممارسه',
  ],
  analyse: [
    'analyse', 'analyze', 'compare', 'contrast', 'examine', 'differentiate', 'investigate', 'categorise', 'categorize',
    'analyser', 'comparer', 'examiner', 'differencier', 'enqueter', 'categoriser',
    'يحلل', 'يقارن', 'يفحص', 'تحليل', 'مقارنه', 'فحص',
  ],
  evaluate: [
    'evaluate', 'assess', 'judge', 'justify', 'critique', 'decide', 'appraise', 'defend', 'prioritise', 'prioritize',
    'evaluer', 'juger', 'justifier', 'critiquer', 'decider', 'apprecier', 'defendre', 'prioriser',
    'يقيم', 'يحكم', 'يبرر', 'ينتقد', 'يقرر', 'تقييم', 'الحكم', 'تبرير', 'نقد',
  ],
  create: [
    'design', 'develop', 'plan', 'create', 'formulate', 'draft', 'write', 'compose', 'construct', 'devise', 'produce',
    'concevoir', 'elaborer', 'planifier', 'creer', 'formuler', 'rediger', 'construire', 'produire',
    'يصمم', 'يطور', 'يخطط', 'ينشئ', 'يصوغ', 'يكتب', 'تصميم', 'تطوير', 'تخطيط', 'انشاء', 'صياغه',
  ],
};

const BY_VERB = new Map<string, BloomLevel>();
for (const [level, verbs] of Object.entries(VERBS) as [BloomLevel, string[]][]) {
  for (const verb of verbs) BY_VERB.set(normaliseForSearch(verb), level);
}

/**
 * Openings before the verb: "Participants will be able to", "By the end of the lesson, trainees can",
 * "Les participants seront capables de", "سيكون المشاركون قادرين على".
 */
const OPENINGS = [
  /^.*?\b(?:be able to|will be able to|are able to|can|will)\s+/,
  /^.*?\b(?:capables? de|en mesure de|pourront|sauront|doivent)\s+/,
  /^.*?(?:قادرين على|قادرا على|قادرون على|ان)\s+/u,
];

/** The objective's first verb, folded; null when the text has no words. */
export function leadingVerb(text: string): string | null {
  let folded = normaliseForSearch(text).replace(/[*_]/g, '').trim();
  for (const opening of OPENINGS) {
    const stripped = folded.replace(opening, '');
    if (stripped !== folded) {
      folded = stripped;
      break;
    }
  }
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (words.length === 0) return null;
  const [first = '', second = ''] = words;
  // Two-word verbs first ("carry out", "mettre en oeuvre" is three: its first two words are enough to tell).
  if (BY_VERB.has(`${first} ${second}`)) return `${first} ${second}`;
  if (first === 'mettre' && second === 'en') return 'mettre en oeuvre';
  return first;
}

/** The Bloom level of an objective's verb, or null when the verb is not one of the clear ones. */
export function bloomFromObjective(text: string): BloomLevel | null {
  const verb = leadingVerb(text);
  if (verb === null) return null;
  // French infinitives are listed; an Arabic verb may carry the definite article on its masdar.
  return BY_VERB.get(verb) ?? BY_VERB.get(verb.replace(/^ال/u, '')) ?? null;
}
