/**
 * The sample library as trainers read it: parts are referred to by reference, never by a typed number; every
 * reference finds its target in the library; tests are timed honestly; sensitive material is flagged; and each
 * module defines its key terms.
 */
import { describe, expect, it } from 'vitest';
import { libraryNumbering } from '../../../shared/domain/references/numbering';
import { findRefs } from '../../../shared/domain/references/syntax';
import { danglingRefs, lessonTexts, moduleHardCodedNumbers, moduleTexts } from '../../../shared/domain/references/text-checks';
import type { EvaluationItem, Module } from '../../../shared/schemas/module';
import { modules, sampleModule } from '../curriculum/sample';

const all = [...modules.values()];
const library = libraryNumbering(all);
const byId = all.map((m) => [m.id, m] as const);

/** Every text of a module with the lesson it stands in. */
function texts(module: Module): { lessonCode?: string; where: string; text: string }[] {
  return [...moduleTexts(module), ...module.lessons.flatMap((lesson) => lessonTexts(lesson).map((t) => ({ ...t, lessonCode: lesson.code })))];
}

/** Minutes a participant reasonably needs, by type: a quick choice, a written answer, an observed task. */
const MINUTES: Readonly<Record<EvaluationItem['type'], { min: number; max: number }>> = {
  'true-false': { min: 1, max: 1 },
  'multiple-choice': { min: 1, max: 2 },
  open: { min: 2, max: 15 },
  practical: { min: 5, max: 25 },
};

describe('references in the sample modules', () => {
  it.each(byId)('%s has no part number typed by hand', (_id, module) => {
    expect(moduleHardCodedNumbers(module)).toEqual([]);
  });

  it.each(byId)('%s refers only to parts the library has', (_id, module) => {
    expect(danglingRefs(module, library)).toEqual([]);
  });

  it.each(byId)('%s gives a fallback text to every reference that a course can leave dangling', (_id, module) => {
    // A lesson or another module's part may be left out of a course; a handout, step or question of the
    // lesson that holds the text is always there with it.
    const bare = texts(module).flatMap(({ lessonCode, where, text }) =>
      findRefs(text)
        .filter(({ ref }) => !ref.fallback)
        .filter(({ ref }) => {
          if (ref.moduleId && ref.moduleId !== module.id) return true;
          if (ref.kind === 'lesson' || ref.kind === 'module') return true;
          const lesson = module.lessons.find((l) => (ref.kind === 'handout' ? l.handouts : ref.kind === 'step' ? l.steps : l.evaluation).some((part) => part.id === ref.id));
          return lesson?.code !== lessonCode;
        })
        .map(({ source }) => `${lessonCode ?? '-'} ${where}: ${source}`),
    );
    expect(bare).toEqual([]);
  });

  it('uses the same handout, step and question ids in a translation as in the module it translates', () => {
    for (const translation of all.filter((m) => m.translationOf)) {
      const source = sampleModule(translation.translationOf?.moduleId ?? '');
      const ids = (m: Module) => m.lessons.map((l) => [l.code, l.steps.map((s) => s.id), l.evaluation.map((q) => q.id)]);
      expect(ids(translation), translation.id).toEqual(ids(source));
      if (translation.language === 'ar') expect(translation.lessons.map((l) => l.handouts.map((h) => h.id)), translation.id).toEqual(source.lessons.map((l) => l.handouts.map((h) => h.id)));
    }
  });
});

describe('assessment content of the sample modules', () => {
  it.each(byId)('%s times every evaluation item within what its type needs', (_id, module) => {
    const off = module.lessons.flatMap((l) => l.evaluation).filter((q) => q.minutes < MINUTES[q.type].min || q.minutes > MINUTES[q.type].max);
    expect(off.map((q) => `${q.id} ${q.type} ${q.minutes} min`)).toEqual([]);
  });

  it.each(byId)('%s has practical items for role-plays and written items elsewhere', (_id, module) => {
    const items = module.lessons.flatMap((l) => l.evaluation);
    expect(items.some((q) => q.kind === 'practical')).toBe(true);
    // Role-plays and demonstrations are observed, whatever the type of the item.
    const observed = /\b(role-play|roleplay|role play|jeu de rôle|لعب الأدوار|لعب الدور)\b/iu;
    expect(items.filter((q) => observed.test(q.question) && q.kind !== 'practical').map((q) => q.id)).toEqual([]);
  });

  it.each(byId)('%s names, in each multiple-choice answer, a letter that one of the options has', (_id, module) => {
    const letters = module.language === 'ar' ? ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح'] : ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    for (const item of module.lessons.flatMap((l) => l.evaluation).filter((q) => q.type === 'multiple-choice')) {
      const letter = /^\s*(\S+?)[.)]\s/u.exec(item.answer)?.[1] ?? '';
      expect(letters.indexOf(letter), `${module.id} ${item.id}`).toBeGreaterThanOrEqual(0);
      expect(letters.indexOf(letter), `${module.id} ${item.id}`).toBeLessThan(item.options?.length ?? 0);
    }
  });
});

describe('sensitivity flags and glossaries of the sample modules', () => {
  it.each([
    ['gender-responsive-policing', 's15'],
    ['gender-responsive-policing-fr', 's15'],
    ['arrest-and-detention', 's16'],
  ])('%s flags step %s (harassment role-play, suicide and assault-allegation cards) for trainers only', (id, stepId) => {
    const step = sampleModule(id).lessons.flatMap((l) => l.steps).find((s) => s.id === stepId);
    expect(step?.sensitivity).toMatchObject({ participantVisible: false });
    expect(step?.sensitivity?.warning.length).toBeGreaterThan(40);
  });

  it('keeps the arrest module scenario cards, with the suicide and assault cards, away from participants', () => {
    const handout = sampleModule('arrest-and-detention').lessons.flatMap((l) => l.handouts).find((h) => h.id === 'scenario-cards-friday-night');
    expect(handout?.sensitivity).toMatchObject({ participantVisible: false });
  });

  it.each(byId)('%s defines its key terms in its own language', (_id, module) => {
    expect(module.glossary.length).toBeGreaterThanOrEqual(5);
    expect(new Set(module.glossary.map((g) => g.term.toLowerCase())).size).toBe(module.glossary.length);
    if (module.language === 'ar') for (const entry of module.glossary) expect(entry.definition).toMatch(/[\u0600-\u06FF]/u);
  });
});
