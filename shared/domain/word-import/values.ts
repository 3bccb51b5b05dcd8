/**
 * Values read from a lesson plan's text: minutes ("90 minutes", "1h30", "1 heure 30", "ساعتان", "10-15"),
 * and training methods from their usual names in English, French and Arabic.
 */
import { METHODS, type Method } from '../../schemas/module';
import { normaliseForSearch } from '../text-normalise';

/** Minutes, with a range when the text gives one ("10–15 min"); null when no duration can be read. */
export function parseMinutes(text: string): { minutes: number; range?: { min: number; max: number } } | null {
  const folded = normaliseForSearch(text).replace(/,/g, '.');
  // Clock times: "09:00 - 09:20" is a 20-minute step.
  const clock = /(\d{1,2})[:h](\d{2})\s*[-–—à]+\s*(\d{1,2})[:h](\d{2})/.exec(folded);
  if (clock) {
    const start = Number(clock[1]) * 60 + Number(clock[2]);
    const end = Number(clock[3]) * 60 + Number(clock[4]);
    if (end > start) return { minutes: end - start };
  }
  const hoursMinutes = /(\d{1,2})\s*(?:heures?|hours?|hrs?|h|ساعات|ساعه)\s*(?:and\s*|et\s*|و\s*)?(\d{1,2})?\s*(?:min|minutes?|دقيقه|دقائق)?/.exec(folded);
  if (hoursMinutes && !/^\d+\s*(?:min|minutes?)/.test(folded)) {
    return { minutes: Number(hoursMinutes[1]) * 60 + Number(hoursMinutes[2] ?? 0) };
  }
  if (/ساعتان|ساعتين/u.test(folded)) return { minutes: 120 };
  if (/^(?:ساعه|ساعة)$/u.test(folded.trim())) return { minutes: 60 };
  const range = /(\d{1,3})\s*[-–—]\s*(\d{1,3})/.exec(folded);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (min >= 1 && max >= min && max <= 480) return { minutes: min, range: { min, max } };
  }
  const plain = /(\d{1,3})/.exec(folded);
  if (plain) {
    const minutes = Number(plain[1]);
    if (minutes >= 1 && minutes <= 480) return { minutes };
  }
  return null;
}

/** Each method's names; matched as words inside the folded text. */
const METHOD_NAMES: Record<Method, string[]> = {
  lecture: ['lecture', 'presentation', 'expose', 'cours magistral', 'محاضره', 'عرض'],
  'interactive-presentation': ['interactive presentation', 'interactive lecture', 'presentation interactive', 'expose interactif', 'عرض تفاعلي', 'محاضره تفاعليه'],
  discussion: ['discussion', 'plenary', 'debate', 'brainstorm', 'brainstorming', 'debat', 'pleniere', 'remue meninges', 'نقاش', 'مناقشه', 'عصف ذهني'],
  'case-study': ['case study', 'case studies', 'etude de cas', 'etudes de cas', 'دراسه حاله', 'دراسات حاله'],
  'role-play': ['role play', 'role-play', 'roleplay', 'jeu de role', 'jeux de role', 'jeu de roles', 'لعب الادوار', 'لعب ادوار', 'تمثيل ادوار'],
  'group-work': ['group work', 'small groups', 'working groups', 'travail en groupe', 'travaux de groupe', 'travail de groupe', 'عمل جماعي', 'مجموعات عمل', 'عمل المجموعات'],
  'scenario-exercise': ['scenario', 'scenario exercise', 'simulation', 'exercice de scenario', 'تمرين سيناريو', 'سيناريو', 'محاكاه'],
  demonstration: ['demonstration', 'demo', 'عرض عملي', 'برهنه'],
  'practical-exercise': ['practical exercise', 'exercise', 'drill', 'practice', 'exercice pratique', 'exercice', 'تمرين عملي', 'تمرين', 'تدريب عملي'],
  'field-visit': ['field visit', 'site visit', 'visite de terrain', 'visite', 'زياره ميدانيه'],
  video: ['video', 'film', 'فيديو', 'شريط'],
  quiz: ['quiz', 'test', 'questionnaire', 'اختبار', 'مسابقه'],
  reflection: ['reflection', 'debrief', 'debriefing', 'wrap up', 'wrap-up', 'review', 'reflexion', 'bilan', 'synthese', 'تامل', 'مراجعه', 'استخلاص'],
};

/** Longest names first, so "interactive presentation" wins over "presentation". */
const NAMES = Object.entries(METHOD_NAMES)
  .flatMap(([method, names]) => names.map((name) => ({ method: method as Method, name: normaliseForSearch(name).replace(/-/g, ' ') })))
  .sort((a, b) => b.name.length - a.name.length);

/** The methods a text names, in the order of METHODS, each once. */
export function methodsIn(text: string): Method[] {
  let folded = ` ${normaliseForSearch(text).replace(/[-–]/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const found = new Set<Method>();
  for (const { method, name } of NAMES) {
    const needle = ` ${name} `;
    if (folded.includes(needle)) {
      found.add(method);
      folded = folded.split(needle).join(' ');
    }
  }
  return METHODS.filter((method) => found.has(method));
}
