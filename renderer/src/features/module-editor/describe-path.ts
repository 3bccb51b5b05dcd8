import type { Module } from '../../../../shared/schemas/module';
import { getAt } from './draft-paths';
import type { Translate } from './draft-ops';

/** Field names that have a label of their own under editor.where.field. */
const FIELD_NAMES = new Set([
  'id', 'title', 'summary', 'language', 'level', 'themes', 'audiences', 'prerequisites', 'learningOutcomes', 'lessons', 'references',
  'license', 'author', 'code', 'aim', 'relevance', 'objectives', 'methods', 'materials', 'roomSetup', 'steps', 'trainerNotes',
  'handouts', 'evaluation', 'minutes', 'range', 'min', 'max', 'method', 'trainerActivity', 'participantActivity', 'sensitivity',
  'warning', 'participantVisible', 'body', 'question', 'type', 'options', 'answer', 'objective', 'use', 'text', 'bloom',
]);

/** Lists whose items are named in the trail ("Step 3"); items of choice lists are not, their list is enough. */
const ITEM_NAMES: Record<string, string> = {
  steps: 'editor.where.step',
  handouts: 'editor.where.handout',
  evaluation: 'editor.where.evaluationItem',
  learningOutcomes: 'editor.where.outcome',
  materials: 'editor.where.material',
  options: 'editor.where.option',
};

/**
 * Where a problem is, in words: "Lesson 1.2 › Step 3 › Minutes". The problem summary lists these, so the
 * author knows what a link will open before following it.
 */
export function describePath(key: string, draft: Module, t: Translate): string {
  const parts = key.split('.');
  const trail: string[] = [];
  parts.forEach((part, i) => {
    const parent = parts[i - 1];
    const n = Number(part);
    if (/^\d+$/.test(part) && parent !== undefined) {
      const itemPath = parts.slice(0, i + 1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      if (parent === 'lessons') {
        const code = getAt(draft, [...itemPath, 'code']);
        trail.push(t('editor.where.lesson', { code: typeof code === 'string' && code ? code : String(n + 1) }));
      } else if (parent === 'objectives' && parts[i - 3] === 'lessons') {
        const id = getAt(draft, [...itemPath, 'id']);
        trail.push(t('editor.where.objective', { id: typeof id === 'string' ? id : String(n + 1) }));
      } else {
        const itemKey = ITEM_NAMES[parent];
        if (itemKey) trail.push(t(itemKey, { n: n + 1 }));
      }
      return;
    }
    if (part === 'provenance') return;
    // A list named just before its own item ("Steps › Step 3") says the same thing twice.
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && part !== 'references' && part !== 'prerequisites') return;
    trail.push(FIELD_NAMES.has(part) ? t(`editor.where.field.${part}`) : part);
  });
  return trail.join(t('editor.where.separator'));
}
