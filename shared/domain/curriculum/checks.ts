/**
 * Course-level checks. Each result carries a stable `code` and `params` so the interface can show it in
 * the user's language; `message` is the English text for logs, the CLI and tests.
 */
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import type { Lesson, Module } from '../../schemas/module';
import type { Theme } from '../../schemas/themes';
import { formatMinutes } from '../durations';
import { own } from '../own';
import { placeholdersIn } from '../placeholders';
import { courseNumbers } from './course-numbers';
import { checkDescription, checkTests, checkTexts } from './package-checks';
import { effectiveLessons, staleOverrides, type EffectiveLesson } from './effective-lessons';
import { scheduleCurriculum, type Schedule, type ScheduleWarningCode } from './schedule';

export type CheckSeverity = 'error' | 'warning' | 'info';

export type CheckCode =
  | 'curriculum-empty'
  | 'prerequisite-missing'
  | 'prerequisite-after'
  | 'duplicate-module'
  | 'module-language-differs'
  | 'audience-mismatch'
  | 'hours-exceed-days'
  | 'schedule-exceeds-days'
  | 'days-underused'
  | 'theme-not-covered'
  | 'no-human-rights-lesson'
  | 'no-gender-lesson'
  | 'all-lessons-omitted'
  | 'lesson-no-objectives'
  | 'lesson-no-evaluation'
  | 'objective-not-taught'
  | 'objective-not-assessed'
  | 'sensitive-before-opening'
  | 'sensitive-without-opening'
  | 'placeholder-unfilled'
  | 'translation-outdated'
  | 'update-available'
  | 'module-not-in-library'
  | 'stale-override'
  | 'course-aim-missing'
  | 'course-outcomes-missing'
  | 'outcome-not-served'
  | 'outcome-objective-gone'
  | 'target-audience-missing'
  | 'entry-requirements-missing'
  | 'class-size-missing'
  | 'trainer-profile-missing'
  | 'assessment-strategy-missing'
  | 'assessment-weights'
  | 'pass-mark-missing'
  | 'course-evaluation-missing'
  | 'test-not-planned'
  | 'test-empty'
  | 'test-items-missing'
  | 'test-practical-item'
  | 'test-no-session'
  | 'test-session-missing'
  | 'test-too-long'
  | 'hard-coded-number'
  | 'dangling-reference'
  | Exclude<ScheduleWarningCode, 'course-exceeds-days'>;

export type CheckWhere = { itemId?: string; moduleId?: string; lessonCode?: string; day?: number };

export type CurriculumCheck = {
  /** Unique within one result list, stable across runs: usable as a React key or to remember dismissals. */
  id: string;
  code: CheckCode;
  severity: CheckSeverity;
  message: string;
  params: Record<string, string | number>;
  where: CheckWhere;
  /**
   * Findings with the same code and cause say one thing about several places (one missing prerequisite
   * for six modules): the checks panel and the CLI show them as one group.
   */
  cause?: string;
  /** Set when a designer has accepted this warning, with why (stored in the course's acknowledgements). */
  acknowledged?: { reason: string; at: string };
};

/** The library's current version of a module, if it still has it. */
export type LibraryLookup = (moduleId: string) => Pick<Module, 'id' | 'revision' | 'translationOf'> | undefined;

export type CheckContext = {
  /** Without it, library checks (updates, outdated translations) are skipped. */
  library?: LibraryLookup;
  /** A schedule already computed for this curriculum, to avoid computing it twice. */
  schedule?: Schedule;
};

/** Lessons of modules with these themes count as human-rights or gender-responsive lessons. */
export const HUMAN_RIGHTS_THEMES: readonly Theme[] = ['human-rights-foundations'];
export const GENDER_THEMES: readonly Theme[] = ['gender-responsive-policing', 'sgbv-response'];

const SEVERITY_ORDER: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };

/** What groups findings of one code: the prerequisite that is missing, the language that differs… */
const CAUSE_PARAM: Partial<Record<CheckCode, string>> = {
  'prerequisite-missing': 'prerequisite',
  'prerequisite-after': 'prerequisite',
  'module-language-differs': 'language',
  'audience-mismatch': 'audiences',
  'sensitive-without-opening': '',
  'translation-outdated': 'source',
  'update-available': '',
  'module-not-in-library': '',
  'objective-not-assessed': 'module',
  'objective-not-taught': 'module',
  'lesson-no-evaluation': 'module',
  'lesson-no-objectives': 'module',
  'hard-coded-number': '',
  'dangling-reference': 'module',
  'moved-to-next-day': '',
  'break-delayed': '',
};

export function checkCurriculum(curriculum: Curriculum, context: CheckContext = {}): CurriculumCheck[] {
  const checks: CurriculumCheck[] = [];
  const numbers = courseNumbers(curriculum);
  const add: Add = (code, severity, message, params, where, discriminator = '') => {
    // Lessons are named by the course's number wherever a finding is shown; the library code stays in `where`.
    const lessonNumber = where.lessonCode === undefined || where.itemId === undefined ? undefined : numbers.lesson(where.itemId, where.lessonCode);
    const causeParam = CAUSE_PARAM[code];
    const cause = causeParam === undefined ? undefined : `${code}|${causeParam === '' ? '' : String(params[causeParam] ?? '')}`;
    checks.push({
      id: [code, where.itemId ?? '', where.lessonCode ?? '', where.day ?? '', discriminator].join(':'),
      code,
      severity,
      message,
      params: lessonNumber === undefined || params.lessonNumber !== undefined ? params : { ...params, lessonNumber },
      where,
      ...(cause === undefined ? {} : { cause }),
    });
  };
  const modules = curriculum.items.filter((item): item is ModuleItem => item.kind === 'module');
  const lessonsOf = new Map(modules.map((item) => [item.id, effectiveLessons(item)]));
  const schedule = context.schedule ?? scheduleCurriculum(curriculum);

  if (curriculum.items.length === 0) add('curriculum-empty', 'info', 'The course has no modules or sessions yet', {}, {});

  checkPrerequisites(curriculum, context.library, add);
  checkDuplicates(modules, add);
  for (const item of modules) {
    const at = { itemId: item.id, moduleId: item.moduleId };
    const module = item.snapshot;
    if (module.language !== curriculum.language)
      add('module-language-differs', 'warning', `Module "${module.title}" is in ${module.language}; the course is in ${curriculum.language}`, {
        module: module.title,
        language: module.language,
        courseLanguage: curriculum.language,
      }, at);
    if (curriculum.audiences.length > 0 && !module.audiences.some((a) => curriculum.audiences.includes(a)))
      add('audience-mismatch', 'info', `Module "${module.title}" is written for ${module.audiences.join(', ')}, not for this course's audience`, {
        module: module.title,
        audiences: module.audiences.join(', '),
      }, at);
    if ((lessonsOf.get(item.id) ?? []).length === 0)
      add('all-lessons-omitted', 'warning', `Every lesson of module "${module.title}" is left out`, { module: module.title }, at);
    for (const stale of staleOverrides(item)) {
      const what = stale.step === undefined ? `lesson ${stale.lessonCode}` : `step ${stale.step + 1} of lesson ${stale.lessonCode}`;
      add('stale-override', 'info', `A change to ${what} of module "${module.title}" no longer applies: the module has no such ${stale.step === undefined ? 'lesson' : 'step'}`, {
        module: module.title,
        lessonCode: stale.lessonCode,
        ...(stale.step === undefined ? {} : { step: stale.step + 1 }),
      }, at, `${stale.lessonCode}/${stale.step ?? ''}`);
    }
    checkLibrary(item, context.library, add);
    for (const effective of lessonsOf.get(item.id) ?? []) checkLesson(effective, module.title, numbers.lesson(item.id, effective.lessonCode) ?? effective.lessonCode, add);
  }

  checkHours(curriculum, schedule, add);
  checkThemes(curriculum, modules, lessonsOf, add);
  checkSensitivity(curriculum, lessonsOf, add);
  checkPlaceholders(curriculum, lessonsOf, add);
  checkDescription(curriculum, numbers, add);
  checkTests(curriculum, add);
  checkTexts(curriculum, numbers, add);

  for (const warning of schedule.warnings) {
    if (warning.code === 'course-exceeds-days') continue; // checkHours says this with the reason
    add(warning.code, warning.severity, warning.message, warning.params, {
      ...(warning.itemId === undefined ? {} : { itemId: warning.itemId }),
      ...(warning.lessonCode === undefined ? {} : { lessonCode: warning.lessonCode }),
      ...(warning.day === undefined ? {} : { day: warning.day }),
    }, warning.unitKey ?? String(warning.params.planned ?? ''));
  }

  return withAcknowledgements(uniqueIds(checks), curriculum).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export type Add = (code: CheckCode, severity: CheckSeverity, message: string, params: Record<string, string | number>, where: CheckWhere, discriminator?: string) => void;

/**
 * Marks the warnings and notes the designers accepted. Errors cannot be accepted: the course would not run
 * as printed. An acknowledgement whose finding is gone simply stays in the course, harmless.
 */
function withAcknowledgements(checks: CurriculumCheck[], curriculum: Pick<Curriculum, 'acknowledgements'>): CurriculumCheck[] {
  if (curriculum.acknowledgements.length === 0) return checks;
  const acks = new Map(curriculum.acknowledgements.map((a) => [a.checkId, a]));
  return checks.map((check) => {
    const ack = check.severity === 'error' ? undefined : acks.get(check.id);
    return ack ? { ...check, acknowledged: { reason: ack.reason, at: ack.at } } : check;
  });
}

/** A module and its translations teach the same thing, so they share a family id. */
function familyOf(module: Pick<Module, 'id' | 'translationOf'>): string {
  return module.translationOf?.moduleId ?? module.id;
}

function checkPrerequisites(curriculum: Curriculum, library: LibraryLookup | undefined, add: Add): void {
  const positions = new Map<string, number[]>();
  curriculum.items.forEach((item, index) => {
    if (item.kind !== 'module') return;
    const family = familyOf(item.snapshot);
    positions.set(family, [...(positions.get(family) ?? []), index]);
  });
  curriculum.items.forEach((item, index) => {
    if (item.kind !== 'module') return;
    for (const prerequisite of item.snapshot.prerequisites) {
      // A prerequisite named by a translation's id is met by its source or any other translation.
      const family = library?.(prerequisite)?.translationOf?.moduleId ?? prerequisite;
      const found = positions.get(family) ?? [];
      const at = { itemId: item.id, moduleId: item.moduleId };
      const params = { module: item.snapshot.title, prerequisite };
      if (found.length === 0)
        add('prerequisite-missing', 'warning', `Module "${item.snapshot.title}" builds on "${prerequisite}", which is not in the course`, params, at, prerequisite);
      else if (found.every((p) => p > index))
        add('prerequisite-after', 'error', `Module "${item.snapshot.title}" builds on "${prerequisite}", which comes after it`, params, at, prerequisite);
    }
  });
}

function checkDuplicates(modules: readonly ModuleItem[], add: Add): void {
  const first = new Map<string, ModuleItem>();
  for (const item of modules) {
    const family = familyOf(item.snapshot);
    const earlier = first.get(family);
    if (!earlier) {
      first.set(family, item);
      continue;
    }
    const translation = earlier.moduleId !== item.moduleId;
    add(
      'duplicate-module',
      'warning',
      translation
        ? `Module "${item.snapshot.title}" is a translation of "${earlier.snapshot.title}", which is already in the course`
        : `Module "${item.snapshot.title}" is in the course more than once`,
      { module: item.snapshot.title, other: earlier.snapshot.title, otherItemId: earlier.id, translation: translation ? 1 : 0 },
      { itemId: item.id, moduleId: item.moduleId },
    );
  }
}

function checkLibrary(item: ModuleItem, library: LibraryLookup | undefined, add: Add): void {
  if (!library) return;
  const at = { itemId: item.id, moduleId: item.moduleId };
  const title = item.snapshot.title;
  const current = library(item.moduleId);
  if (!current) add('module-not-in-library', 'info', `Module "${title}" is no longer in the library; the course keeps its copy`, { module: title }, at);
  else if (current.revision > item.revision)
    add('update-available', 'info', `Module "${title}" has been updated in the library (revision ${item.revision} → ${current.revision})`, {
      module: title,
      from: item.revision,
      to: current.revision,
    }, at);
  const source = item.snapshot.translationOf;
  const sourceNow = source ? library(source.moduleId) : undefined;
  if (source && sourceNow && sourceNow.revision > source.revision)
    add('translation-outdated', 'warning', `Module "${title}" translates revision ${source.revision} of "${source.moduleId}", which is now at revision ${sourceNow.revision}`, {
      module: title,
      source: source.moduleId,
      translated: source.revision,
      current: sourceNow.revision,
    }, at);
}

/** `number` is the course's number of the lesson, which the messages give (the CLI prints them). */
function checkLesson(effective: EffectiveLesson, moduleTitle: string, number: string, add: Add): void {
  const { lesson, lessonCode } = effective;
  const at = { itemId: effective.itemId, moduleId: effective.moduleId, lessonCode };
  const params = { module: moduleTitle, lessonCode, lesson: lesson.title };
  if (lesson.objectives.length === 0) add('lesson-no-objectives', 'warning', `Lesson ${number} "${lesson.title}" has no learning objectives`, params, at);
  if (lesson.evaluation.length === 0) add('lesson-no-evaluation', 'warning', `Lesson ${number} "${lesson.title}" has no assessment`, params, at);
  // Params are built only for a finding: this loop runs for every objective of the course on every edit.
  const withObjective = (objective: { id: string; text: string }) => ({ ...params, objective: objective.id, objectiveText: objective.text });
  for (const objective of lesson.objectives) {
    if (!lesson.steps.some((s) => s.objectives.includes(objective.id)))
      add('objective-not-taught', 'warning', `Lesson ${number}: objective ${objective.id} has no activity that teaches it`, withObjective(objective), at, objective.id);
    if (lesson.evaluation.length > 0 && !lesson.evaluation.some((e) => e.objective === objective.id))
      add('objective-not-assessed', 'warning', `Lesson ${number}: objective ${objective.id} has no evaluation item`, withObjective(objective), at, objective.id);
  }
}

function checkHours(curriculum: Curriculum, schedule: Schedule, add: Add): void {
  const capacity = schedule.capacityMinutes;
  const total = schedule.teachingMinutes;
  const params = { totalMinutes: total, capacityMinutes: capacity, days: curriculum.days, daysUsed: schedule.daysUsed };
  if (total > capacity)
    add('hours-exceed-days', 'error', `The course has ${formatMinutes(total)} of teaching, more than the ${formatMinutes(capacity)} that ${countDays(curriculum.days)} can hold`, { ...params, overMinutes: total - capacity }, {});
  else if (schedule.daysUsed > curriculum.days)
    add('schedule-exceeds-days', 'warning', `The teaching hours fit ${countDays(curriculum.days)}, but lessons cannot be split, so the timetable needs ${countDays(schedule.daysUsed)}`, params, {});
  else if (capacity - total >= schedule.capacityPerDay)
    add('days-underused', 'info', `${formatMinutes(capacity - total)} of teaching time in ${countDays(curriculum.days)} is not used`, { ...params, freeMinutes: capacity - total }, {});
}

function checkThemes(curriculum: Curriculum, modules: readonly ModuleItem[], lessonsOf: ReadonlyMap<string, EffectiveLesson[]>, add: Add): void {
  const covered = new Set<Theme>();
  for (const item of modules) if ((lessonsOf.get(item.id) ?? []).length > 0) for (const theme of item.snapshot.themes) covered.add(theme);
  const missing = new Set(curriculum.requiredThemes.filter((t) => !covered.has(t)));
  for (const theme of missing) add('theme-not-covered', 'warning', `No module in the course covers the required theme "${theme}"`, { theme }, {}, theme);
  // The required themes are the designer's choice; mainstreaming is a fixed policy, said once when both apply.
  if (!HUMAN_RIGHTS_THEMES.some((t) => covered.has(t) || missing.has(t)))
    add('no-human-rights-lesson', 'warning', 'The course has no lesson on human rights', {}, {});
  if (!GENDER_THEMES.some((t) => covered.has(t) || missing.has(t)))
    add('no-gender-lesson', 'warning', 'The course has no lesson on gender-responsive policing', {}, {});
}

function isSensitive(lesson: Lesson): boolean {
  return lesson.steps.some((s) => s.sensitivity) || lesson.handouts.some((h) => h.sensitivity);
}

/** Sensitive material needs the trust the opening session builds, so it should come after it. */
function checkSensitivity(curriculum: Curriculum, lessonsOf: ReadonlyMap<string, EffectiveLesson[]>, add: Add): void {
  const opening = curriculum.items.findIndex((item) => item.kind === 'session' && item.sessionKind === 'opening');
  curriculum.items.forEach((item, index) => {
    if (item.kind !== 'module') return;
    const sensitive = (lessonsOf.get(item.id) ?? []).filter((e) => isSensitive(e.lesson)).map((e) => e.lessonCode);
    if (sensitive.length === 0) return;
    const params = { module: item.snapshot.title, lessons: sensitive.join(', '), count: sensitive.length };
    const at = { itemId: item.id, moduleId: item.moduleId };
    if (opening < 0)
      add('sensitive-without-opening', 'warning', `Module "${item.snapshot.title}" has sensitive material (lessons ${params.lessons}) and the course has no opening session to build trust first`, params, at);
    else if (index < opening)
      add('sensitive-before-opening', 'warning', `Module "${item.snapshot.title}" has sensitive material (lessons ${params.lessons}) and comes before the opening session`, params, at);
  });
}

function checkPlaceholders(curriculum: Curriculum, lessonsOf: ReadonlyMap<string, EffectiveLesson[]>, add: Add): void {
  const usedBy = new Map<string, { itemIds: string[]; titles: string[] }>();
  for (const item of curriculum.items) {
    const names = new Set(
      item.kind === 'session'
        ? textPlaceholders([item.title, item.notes ?? ''])
        : [...moduleLevelPlaceholders(item.snapshot), ...(lessonsOf.get(item.id) ?? []).flatMap((e) => lessonPlaceholders(e.lesson))],
    );
    for (const name of names) {
      const entry = usedBy.get(name) ?? { itemIds: [], titles: [] };
      entry.itemIds.push(item.id);
      entry.titles.push(item.kind === 'session' ? item.title : item.snapshot.title);
      usedBy.set(name, entry);
    }
  }
  for (const [name, { itemIds, titles }] of [...usedBy].sort(([a], [b]) => a.localeCompare(b))) {
    if (own(curriculum.placeholders, name)?.trim()) continue;
    add('placeholder-unfilled', 'warning', `{${name}} has no value for this course (used in ${titles.join(', ')})`, { name, modules: titles.join(', '), count: titles.length }, itemIds[0] === undefined ? {} : { itemId: itemIds[0] }, name);
  }
}

/**
 * Snapshots never change, so placeholder scans are cached by object: a curriculum recomputed after an edit
 * scans only the lessons the edit replaced.
 */
const lessonCache = new WeakMap<Lesson, readonly string[]>();
const moduleCache = new WeakMap<Module, readonly string[]>();

function lessonPlaceholders(lesson: Lesson): readonly string[] {
  let names = lessonCache.get(lesson);
  if (!names) lessonCache.set(lesson, (names = textPlaceholders(lesson)));
  return names;
}

function moduleLevelPlaceholders(module: Module): readonly string[] {
  let names = moduleCache.get(module);
  if (!names) moduleCache.set(module, (names = textPlaceholders({ ...module, lessons: [] })));
  return names;
}

function textPlaceholders(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes('{')) for (const name of placeholdersIn(v)) found.add(name);
    } else if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(value);
  return [...found];
}

function countDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

function uniqueIds(checks: CurriculumCheck[]): CurriculumCheck[] {
  const seen = new Map<string, number>();
  return checks.map((check) => {
    const count = seen.get(check.id) ?? 0;
    seen.set(check.id, count + 1);
    return count === 0 ? check : { ...check, id: `${check.id}#${count + 1}` };
  });
}
