/**
 * Handouts whose items are cut out and handed round ("Cut along the lines and give one set to each
 * group"). Their lists are printed between real cut lines; an instruction to cut along lines that are not
 * there would leave the trainer with scissors and nothing to follow.
 */
import { normaliseForSearch } from '../text-normalise';

/** The instruction as the sample library words it, folded as `normaliseForSearch` folds text. */
const INSTRUCTIONS = ['cut along the lines', 'cut along the dotted lines', 'decouper le long des lignes', 'decoupez le long des lignes', 'قص علي طول الخطوط'];

/** Whether a handout's text asks for its items to be cut out along lines. */
export function asksToCutOut(text: string): boolean {
  const folded = normaliseForSearch(text).replace(/\s+/gu, ' ');
  return INSTRUCTIONS.some((instruction) => folded.includes(instruction));
}
