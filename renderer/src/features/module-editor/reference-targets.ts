import { markdownToPlainText } from '../../../../shared/domain/markdown';
import { handoutNumber } from '../../../../shared/domain/references/numbering';
import { formatRef } from '../../../../shared/domain/references/syntax';
import type { Module } from '../../../../shared/schemas/module';
import type { Translate } from './draft-ops';

/** One thing a text may refer to, as the reference picker lists it. */
export type RefTarget = { group: string; label: string; source: string };

const excerpt = (markdown: string, max = 70): string => {
  const text = markdownToPlainText(markdown).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

/**
 * What a text of this module can refer to: its lessons, handouts, steps and evaluation items (named with the
 * library's numbers, as the module page shows them), and the other modules of the library. References to
 * another module carry its title as the text printed when a course does not include it.
 */
export function referenceTargets(module: Module, others: readonly { id: string; title: string }[], t: Translate): RefTarget[] {
  const targets: RefTarget[] = [];
  for (const lesson of module.lessons) {
    const group = t('editor.refs.lessonGroup', { code: lesson.code, title: lesson.title });
    targets.push({ group, label: t('editor.refs.lesson', { code: lesson.code, title: lesson.title }), source: formatRef({ kind: 'lesson', id: lesson.code }) });
    lesson.handouts.forEach((h, i) => {
      targets.push({ group, label: t('editor.refs.handout', { number: handoutNumber(lesson.code, i + 1, module.language), title: h.title }), source: formatRef({ kind: 'handout', id: h.id }) });
    });
    lesson.steps.forEach((s, i) => {
      targets.push({ group, label: t('editor.refs.step', { code: lesson.code, number: i + 1, title: s.title }), source: formatRef({ kind: 'step', id: s.id }) });
    });
    lesson.evaluation.forEach((e, i) => {
      targets.push({ group, label: t('editor.refs.question', { code: lesson.code, number: i + 1, text: excerpt(e.question) }), source: formatRef({ kind: 'question', id: e.id }) });
    });
  }
  const group = t('editor.refs.otherModules');
  for (const other of others)
    if (other.id !== module.id) targets.push({ group, label: other.title, source: formatRef({ kind: 'module', moduleId: other.id, id: other.id, fallback: other.title }) });
  return targets;
}
