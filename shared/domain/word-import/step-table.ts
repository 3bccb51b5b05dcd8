/**
 * Recognises a timing table (the lesson map) by its header row: a minutes column and an activity, trainer
 * or participant column, named in English, French or Arabic. A table the user marked as the step table
 * without such a header gets columns guessed from its content: the column of numbers is the minutes, the
 * longest text the activity.
 */
import { normaliseForSearch } from '../text-normalise';
import { parseMinutes } from './values';

export type StepColumns = {
  minutes: number;
  activity: number | null;
  trainer: number | null;
  participant: number | null;
  method: number | null;
  /** Rows before the data (the header). */
  headerRows: number;
  /** True when the columns were guessed without a header. */
  guessed: boolean;
};

const WORDS: Record<'minutes' | 'activity' | 'trainer' | 'participant' | 'method', RegExp> = {
  minutes: /^(?:minutes?|mins?|time|timing|duration|duree|temps|durée|الوقت|المده|الزمن|دقائق|دقيقه)\b|\((?:min|minutes|دقيقه|دقائق)\)|^(?:duree|temps|time|duration|المده|الوقت)/u,
  activity: /^(?:activity|activities|content|topic|description|activite|activites|contenu|sujet|النشاط|الانشطه|المحتوي|الموضوع)/u,
  trainer: /^(?:trainer|facilitator|instructor|formateur|animateur|المدرب|الميسر)/u,
  participant: /^(?:participants?|trainees?|learners?|apprenants?|stagiaires?|المشاركون|المشاركين|المتدربون|المتدربين)/u,
  method: /^(?:methods?|methode|methodes|technique|الطريقه|الاسلوب|الاساليب)/u,
};

/** The step columns of a table, or null when it is not a timing table (and `force` is false). */
export function stepColumns(rows: readonly string[][], force = false): StepColumns | null {
  const header = rows[0];
  if (header && rows.length >= 2) {
    const found: Partial<Record<keyof typeof WORDS, number>> = {};
    header.forEach((cell, index) => {
      const folded = normaliseForSearch(cell.replace(/\*/g, '')).trim();
      for (const key of Object.keys(WORDS) as (keyof typeof WORDS)[]) {
        if (found[key] === undefined && WORDS[key].test(folded)) {
          found[key] = index;
          break;
        }
      }
    });
    // "Step" names the activity only when no column says "activity": UN lesson maps number their steps in it.
    const stepColumn = header.findIndex((cell, index) => index !== found.minutes && /^(?:step|etape|الخطوه)/u.test(normaliseForSearch(cell.replace(/\*/g, '')).trim()));
    if (found.activity === undefined && stepColumn >= 0) found.activity = stepColumn;
    if (found.minutes !== undefined && (found.activity !== undefined || found.trainer !== undefined || found.participant !== undefined)) {
      return {
        minutes: found.minutes,
        activity: found.activity ?? null,
        trainer: found.trainer ?? null,
        participant: found.participant ?? null,
        method: found.method ?? null,
        headerRows: 1,
        guessed: false,
      };
    }
  }
  if (!force) return null;
  return guessColumns(rows);
}

function guessColumns(rows: readonly string[][]): StepColumns | null {
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) return null;
  let minutes = 0;
  let best = -1;
  for (let column = 0; column < width; column += 1) {
    const numbers = rows.filter((row) => parseMinutes(row[column] ?? '') !== null && (row[column] ?? '').length < 20).length;
    if (numbers > best) {
      best = numbers;
      minutes = column;
    }
  }
  const others = [...Array(width).keys()].filter((column) => column !== minutes);
  const length = (column: number): number => rows.reduce((sum, row) => sum + (row[column] ?? '').length, 0);
  const activity = others.sort((a, b) => length(b) - length(a))[0] ?? null;
  const firstRowIsHeader = rows.length > 1 && parseMinutes(rows[0]?.[minutes] ?? '') === null;
  return { minutes, activity, trainer: null, participant: null, method: null, headerRows: firstRowIsHeader ? 1 : 0, guessed: true };
}
