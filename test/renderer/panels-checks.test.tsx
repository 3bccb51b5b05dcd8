import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CheckWhere, CurriculumCheck } from '../../shared/domain/curriculum/checks';
import { ChecksPanel } from '../../renderer/src/features/composer/panels/ChecksPanel';
import { TEXT_CODES, TEXT_VARIANTS, textKey, type TextCode } from '../../renderer/src/features/composer/panels/check-text';
import { setLanguage } from '../../renderer/src/i18n';
import { panelProps, SAMPLE } from './panels-fixture';

const HR = { itemId: 'hr-foundations', moduleId: 'hr-foundations' };
const LESSON = { ...HR, lessonCode: '1.1' };
const MODULE = { module: 'Human rights foundations' };
const OF_LESSON = { ...MODULE, lessonCode: '1.1', lesson: 'Rights and policing' };
const OBJECTIVE = { ...OF_LESSON, objective: 'o1', objectiveText: 'Name the core rights' };

/** Params as the domain produces them, one finding per code; the type makes a missing code fail to compile. */
const FINDINGS: Record<TextCode, { params: Record<string, string | number>; where: CheckWhere }> = {
  'curriculum-empty': { params: {}, where: {} },
  'prerequisite-missing': { params: { ...MODULE, prerequisite: 'ethics-integrity' }, where: HR },
  'prerequisite-after': { params: { ...MODULE, prerequisite: 'ethics-integrity' }, where: HR },
  'duplicate-module': { params: { ...MODULE, other: 'Other', otherItemId: 'x', translation: 0 }, where: HR },
  'module-language-differs': { params: { ...MODULE, language: 'fr', courseLanguage: 'en' }, where: HR },
  'audience-mismatch': { params: { ...MODULE, audiences: 'supervisors, command' }, where: HR },
  'hours-exceed-days': { params: { totalMinutes: 4000, capacityMinutes: 3900, days: 10, daysUsed: 11, overMinutes: 100 }, where: {} },
  'schedule-exceeds-days': { params: { totalMinutes: 3800, capacityMinutes: 3900, days: 10, daysUsed: 11 }, where: {} },
  'days-underused': { params: { totalMinutes: 3000, capacityMinutes: 3900, days: 10, daysUsed: 8, freeMinutes: 900 }, where: {} },
  'theme-not-covered': { params: { theme: 'community-policing' }, where: {} },
  'no-human-rights-lesson': { params: {}, where: {} },
  'no-gender-lesson': { params: {}, where: {} },
  'all-lessons-omitted': { params: MODULE, where: HR },
  'lesson-no-objectives': { params: OF_LESSON, where: LESSON },
  'lesson-no-evaluation': { params: OF_LESSON, where: LESSON },
  'objective-not-taught': { params: OBJECTIVE, where: LESSON },
  'objective-not-assessed': { params: OBJECTIVE, where: LESSON },
  'sensitive-before-opening': { params: { ...MODULE, lessons: '6.1, 6.2', count: 2 }, where: HR },
  'sensitive-without-opening': { params: { ...MODULE, lessons: '6.1', count: 1 }, where: HR },
  'placeholder-unfilled': { params: { name: 'country', modules: 'A, B', count: 2 }, where: HR },
  'translation-outdated': { params: { ...MODULE, source: 'hr-foundations', translated: 1, current: 2 }, where: HR },
  'update-available': { params: { ...MODULE, from: 1, to: 2 }, where: HR },
  'module-not-in-library': { params: MODULE, where: HR },
  'stale-override': { params: { ...MODULE, lessonCode: '1.9' }, where: HR },
  'longer-than-day': { params: { name: 'Lesson 1.1 "x"', minutes: 420, capacity: 390, day: 2 }, where: LESSON },
  'moved-to-next-day': { params: { name: 'Lesson 1.1 "x"', minutes: 90, free: 30, day: 2 }, where: LESSON },
  'moved-to-avoid-short-part': { params: { name: 'Lesson 1.1 "x"', minutes: 90, free: 100, minPart: 20, day: 2 }, where: LESSON },
  'short-part': { params: { name: 'Lesson 1.1 "x"', part: 10, minPart: 20, day: 2 }, where: LESSON },
  'pin-unmet': { params: { name: 'Lesson 1.1 "x"', pinnedDay: 1, day: 2 }, where: LESSON },
  'pin-beyond-days': { params: { name: 'Lesson 1.1 "x"', pinnedDay: 12, days: 10 }, where: LESSON },
  'break-delayed': { params: { day: 1, planned: '10:30', actual: '11:05', delay: 35 }, where: { day: 1 } },
  'course-exceeds-days': { params: { daysUsed: 11, days: 10 }, where: {} },
};

function allChecks(): CurriculumCheck[] {
  return TEXT_CODES.map((code, i) => ({
    id: `${code}-${String(i)}`,
    code: code as CurriculumCheck['code'],
    severity: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info',
    message: `ENGLISH FALLBACK ${code}`,
    params: FINDINGS[code].params,
    where: FINDINGS[code].where,
  }));
}

describe('check templates', () => {
  it.each(['en', 'fr', 'ar'])('exist in %s for every check code and variant', (lng) => {
    const keys = TEXT_CODES.flatMap((code) => [textKey(code), ...(TEXT_VARIANTS[code] ?? []).map((v) => textKey(code, v))]);
    const missing = keys.filter((key) => typeof i18next.getResource(lng, 'translation', key) !== 'string');
    expect(missing).toEqual([]);
    expect(TEXT_CODES).toHaveLength(Object.keys(FINDINGS).length);
  });
});

describe('ChecksPanel', () => {
  it.each(['en', 'fr', 'ar'] as const)('shows every code translated into %s, never the English fallback', async (lng) => {
    await setLanguage(lng);
    const props = panelProps();
    render(<ChecksPanel {...props} computed={{ ...props.computed, checks: allChecks() }} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(TEXT_CODES.length);
    for (const item of items) {
      expect(item.textContent).not.toMatch(/ENGLISH FALLBACK|\{\{|composerPanels/);
      expect(item.textContent.trim()).not.toBe('');
    }
  });

  it('puts ids into words: themes, languages, durations, library titles and lesson names', async () => {
    await setLanguage('fr');
    const props = panelProps();
    render(<ChecksPanel {...props} computed={{ ...props.computed, checks: allChecks() }} />);
    expect(screen.getByText('Aucun module du cours ne couvre le thème obligatoire « Police de proximité ».', { exact: false })).toBeInTheDocument();
    expect(screen.getByText(/est en français ; le cours est en anglais/)).toBeInTheDocument();
    expect(screen.getByText(/Le cours compte 66 h 40 min d’enseignement, plus que les 65 h que peuvent contenir 10 jours\./)).toBeInTheDocument();
    expect(screen.getByText(/s’appuie sur « Police ethics and integrity », qui ne fait pas partie/)).toBeInTheDocument();
    expect(screen.getByText(/^Leçon 1\.1 « Human rights and the police: concepts, sources and state obligations » \(1 h 30 min\) ne tient pas dans les 30 min restant le jour 1/)).toBeInTheDocument();
  });

  it('groups checks by severity with counts and brings a check into view on click', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    const checks = allChecks();
    render(<ChecksPanel {...props} computed={{ ...props.computed, checks }} />);
    const errors = checks.filter((c) => c.severity === 'error').length;
    expect(screen.getByRole('heading', { name: `Errors (${String(errors)})` })).toBeInTheDocument();
    const warnings = screen.getByRole('region', { name: /^Warnings/ });
    await user.click(within(warnings).getByRole('button', { name: /no learning objectives/ }));
    expect(props.select).toHaveBeenCalledWith(LESSON);
    // Course-wide findings point nowhere, so they are not offered as links.
    expect(screen.queryByRole('button', { name: /no lesson on human rights/ })).toBeNull();
  });

  it('falls back to the English message for a code without a template', () => {
    const props = panelProps();
    const unknown = { id: 'x', code: 'brand-new-check' as CurriculumCheck['code'], severity: 'info' as const, message: 'A brand new finding', params: {}, where: {} };
    render(<ChecksPanel {...props} computed={{ ...props.computed, checks: [unknown] }} />);
    expect(screen.getByText('A brand new finding')).toBeInTheDocument();
  });

  it('says clearly when there is no problem', () => {
    const props = panelProps();
    render(<ChecksPanel {...props} computed={{ ...props.computed, checks: [] }} />);
    expect(screen.getByRole('status')).toHaveTextContent('No problems: the course passes every check.');
  });

  it('shows the sample course’s own checks', () => {
    const props = panelProps(SAMPLE);
    render(<ChecksPanel {...props} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(props.computed.checks.length);
    expect(screen.queryByRole('heading', { name: /^Errors/ })).toBeNull();
  });
});
