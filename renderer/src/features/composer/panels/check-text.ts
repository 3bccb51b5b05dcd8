/**
 * Checks and schedule warnings in the user's language. The domain gives each finding a stable code and
 * params; here each code gets a template under `composerPanels.checkText`, and the params that are ids
 * (themes, languages, audiences, modules) or quantities (minutes, days) become words first.
 */
import type { CheckCode, CheckWhere } from '../../../../../shared/domain/curriculum/checks';
import type { ScheduleWarningCode } from '../../../../../shared/domain/curriculum/schedule';
import { daysText, minutesText, unitName, type Translate } from './panel-format';

/** Every code a check or a schedule warning can carry. */
export type TextCode = CheckCode | ScheduleWarningCode;

type Params = Record<string, string | number>;

/** What a template needs beyond `t`: names the panels know and the domain only refers to by id. */
export type TextContext = {
  t: Translate;
  /** The library's title of a module id, or the id itself when the library does not have it. */
  moduleTitle: (moduleId: string) => string;
  /** The title of a lesson or session of the course, from its item and lesson code. */
  unitTitle: (where: CheckWhere) => string | undefined;
  /** The course's number of a lesson ("2.3"), which is what the composer shows; library codes are for the library. */
  lessonNumber?: (where: CheckWhere) => string | undefined;
};

type Prepared = { variant?: string; values: Params };
type Prepare = (params: Params, context: TextContext, where: CheckWhere) => Prepared;

const str = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const num = (value: string | number | undefined): number => (typeof value === 'number' ? value : Number(value ?? 0));
const same: Prepare = (params) => ({ values: params });

/** The unit a schedule warning is about, named in the UI language; the English `name` param only as a fallback. */
const withName: Prepare = (params, { t, unitTitle, lessonNumber }, where) => {
  const title = unitTitle(where);
  const number = where.lessonCode === undefined ? undefined : (lessonNumber?.(where) ?? where.lessonCode);
  return { values: { ...params, name: title === undefined ? str(params.name) : unitName(t, { lessonCode: number, title }) } };
};

const testName: Prepare = (params, { t }) => ({ values: { ...params, test: t(`composerPanels.common.test.${str(params.test)}`) } });

const hours: Prepare = (params, { t }) => ({
  values: {
    ...params,
    total: minutesText(t, num(params.totalMinutes)),
    capacity: minutesText(t, num(params.capacityMinutes)),
    free: minutesText(t, num(params.freeMinutes)),
    days: daysText(t, num(params.days)),
    daysUsed: daysText(t, num(params.daysUsed)),
  },
});

/**
 * One entry per code; the type makes a missing code a compile error, and the translation test checks that
 * every key listed here has a template in every language.
 */
const PREPARE: Record<TextCode, Prepare> = {
  'curriculum-empty': same,
  'prerequisite-missing': (params, { moduleTitle }) => ({ values: { ...params, prerequisite: moduleTitle(str(params.prerequisite)) } }),
  'prerequisite-after': (params, { moduleTitle }) => ({ values: { ...params, prerequisite: moduleTitle(str(params.prerequisite)) } }),
  'duplicate-module': (params) => (params.translation === 1 ? { variant: 'translation', values: params } : { values: params }),
  'module-language-differs': (params, { t }) => ({
    // Mid-sentence forms: French writes language names in lower case (« en français »).
    values: { ...params, language: t(`composerPanels.common.languageInSentence.${str(params.language)}`), courseLanguage: t(`composerPanels.common.languageInSentence.${str(params.courseLanguage)}`) },
  }),
  'audience-mismatch': (params, { t }) => ({
    values: { ...params, audiences: str(params.audiences).split(', ').map((a) => t(`module.audienceNames.${a}`)).join(', ') },
  }),
  'hours-exceed-days': hours,
  'schedule-exceeds-days': hours,
  'days-underused': hours,
  'theme-not-covered': (params, { t }) => ({ values: { ...params, theme: t(`themes.${str(params.theme)}`) } }),
  'no-human-rights-lesson': same,
  'no-gender-lesson': same,
  'all-lessons-omitted': same,
  'lesson-no-objectives': same,
  'lesson-no-evaluation': same,
  'objective-not-taught': same,
  'objective-not-assessed': same,
  'sensitive-before-opening': same,
  'sensitive-without-opening': same,
  'placeholder-unfilled': (params) => ({ values: { ...params, placeholder: `{${str(params.name)}}` } }),
  'translation-outdated': (params, { moduleTitle }) => ({ values: { ...params, source: moduleTitle(str(params.source)) } }),
  'update-available': same,
  'module-not-in-library': same,
  'stale-override': (params) => (params.step === undefined ? { values: params } : { variant: 'step', values: params }),
  'longer-than-day': (params, context, where) => {
    const named = withName(params, context, where).values;
    return { values: { ...named, minutes: minutesText(context.t, num(params.minutes)), capacity: minutesText(context.t, num(params.capacity)) } };
  },
  'moved-to-next-day': (params, context, where) => {
    const named = withName(params, context, where).values;
    const { t } = context;
    const values = { ...named, minutes: minutesText(t, num(params.minutes)), free: minutesText(t, num(params.free)), previousDay: num(params.day) - 1 };
    // "does not fit in the 0 min left" reads oddly: a full day is said as such.
    return num(params.free) <= 0 ? { variant: 'full', values } : { values };
  },
  'moved-to-avoid-short-part': (params, context, where) => {
    const { t } = context;
    return {
      values: { ...withName(params, context, where).values, minutes: minutesText(t, num(params.minutes)), minPart: minutesText(t, num(params.minPart)), previousDay: num(params.day) - 1 },
    };
  },
  'short-part': (params, context, where) => {
    const { t } = context;
    return { values: { ...withName(params, context, where).values, part: minutesText(t, num(params.part)), minPart: minutesText(t, num(params.minPart)) } };
  },
  'pin-unmet': withName,
  'pin-beyond-days': (params, context, where) => ({ values: { ...withName(params, context, where).values, days: daysText(context.t, num(params.days)) } }),
  'break-delayed': same,
  'course-exceeds-days': (params, { t }) => ({ values: { ...params, days: daysText(t, num(params.days)), daysUsed: daysText(t, num(params.daysUsed)) } }),
  'course-aim-missing': same,
  'course-outcomes-missing': same,
  'outcome-not-served': same,
  'outcome-objective-gone': same,
  'target-audience-missing': same,
  'entry-requirements-missing': same,
  'class-size-missing': same,
  'trainer-profile-missing': same,
  'assessment-strategy-missing': same,
  'assessment-weights': same,
  'pass-mark-missing': same,
  'course-evaluation-missing': same,
  'test-not-planned': testName,
  'test-empty': testName,
  'test-items-missing': testName,
  'test-practical-item': testName,
  'test-no-session': testName,
  'test-session-missing': testName,
  'test-too-long': (params, context, where) => {
    const named = testName(params, context, where).values;
    return { values: { ...named, minutes: minutesText(context.t, num(params.minutes)), sessionMinutes: minutesText(context.t, num(params.sessionMinutes)) } };
  },
  'hard-coded-number': same,
  'dangling-reference': (params) => (str(params.lessonNumber) === '' ? { values: params } : { variant: 'lesson', values: params }),
};

/** Codes with a second template for a variant of the finding (a translation counted as a duplicate, a missing step). */
export const TEXT_VARIANTS: Partial<Record<TextCode, readonly string[]>> = {
  'duplicate-module': ['translation'],
  'stale-override': ['step'],
  'moved-to-next-day': ['full'],
  'dangling-reference': ['lesson'],
};

export const TEXT_CODES = Object.keys(PREPARE) as TextCode[];

/** The translation key of a code's template. */
export function textKey(code: TextCode, variant?: string): string {
  return `composerPanels.checkText.${code}${variant === undefined ? '' : `-${variant}`}`;
}

/**
 * The finding in the UI language. `exists` says whether a template is there; without one (a code added to
 * the domain after this panel) the domain's English message is shown rather than a raw key.
 */
export function findingText(
  finding: { code: string; message: string; params: Params; where?: CheckWhere },
  context: TextContext,
  exists: (key: string, options?: { count: number }) => boolean,
): string {
  const prepare = Object.hasOwn(PREPARE, finding.code) ? PREPARE[finding.code as TextCode] : undefined;
  if (!prepare) return finding.message;
  // Lessons are shown by the course's number; the domain keeps the library code as the key.
  const params = finding.params.lessonNumber === undefined ? finding.params : { ...finding.params, lessonCode: finding.params.lessonNumber };
  const { variant, values } = prepare(params, context, finding.where ?? {});
  const key = textKey(finding.code as TextCode, variant);
  // Texts with a count are plural forms (key_one, key_other…): asked with the count, so that they are found.
  const count = typeof values.count === 'number' ? { count: values.count } : undefined;
  return exists(key, count) ? context.t(key, values) : finding.message;
}
