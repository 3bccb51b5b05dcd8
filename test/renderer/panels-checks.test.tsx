import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CheckWhere, CurriculumCheck } from '../../shared/domain/curriculum/checks';
import { ChecksPanel } from '../../renderer/src/features/composer/panels/ChecksPanel';
import { TEXT_CODES, TEXT_VARIANTS, textKey, type TextCode } from '../../renderer/src/features/composer/panels/check-text';
import { setLanguage } from '../../renderer/src/i18n';
import { lastChange, panelProps, SAMPLE } from './panels-fixture';

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
  'course-aim-missing': { params: {}, where: {} },
  'course-outcomes-missing': { params: {}, where: {} },
  'outcome-not-served': { params: { outcome: 'Respect rights in every arrest' }, where: {} },
  'outcome-objective-gone': { params: { outcome: 'Respect rights in every arrest', objective: 'o1', lessonNumber: '2.1' }, where: LESSON },
  'target-audience-missing': { params: {}, where: {} },
  'entry-requirements-missing': { params: {}, where: {} },
  'class-size-missing': { params: {}, where: {} },
  'trainer-profile-missing': { params: {}, where: {} },
  'assessment-strategy-missing': { params: {}, where: {} },
  'assessment-weights': { params: { total: 90 }, where: {} },
  'pass-mark-missing': { params: {}, where: {} },
  'course-evaluation-missing': { params: {}, where: {} },
  'test-not-planned': { params: { test: 'post-test' }, where: {} },
  'test-empty': { params: { test: 'pre-test' }, where: {} },
  'test-items-missing': { params: { test: 'post-test', count: 2 }, where: {} },
  'test-practical-item': { params: { test: 'post-test', count: 1 }, where: {} },
  'test-no-session': { params: { test: 'pre-test', minutes: 30 }, where: {} },
  'test-session-missing': { params: { test: 'pre-test' }, where: {} },
  'test-too-long': { params: { test: 'post-test', minutes: 75, sessionMinutes: 60, session: 'Post-test' }, where: { itemId: 'post-test' } },
  'hard-coded-number': { params: { ...MODULE, count: 3, examples: 'Handout 3.1B, lesson 3.2' }, where: HR },
  'dangling-reference': { params: { ...MODULE, reference: '[[module:ethics-integrity]]', fallback: '', lessonNumber: '' }, where: HR },
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
    // A text with a count exists as plural forms (key_one, key_other).
    const missing = keys.filter((key) => ['', '_other'].every((suffix) => typeof i18next.getResource(lng, 'translation', `${key}${suffix}`) !== 'string'));
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

  it('shows findings with one cause as one group, the others under it', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    const missing = (id: string, module: string): CurriculumCheck => ({
      id,
      code: 'prerequisite-missing',
      severity: 'warning',
      message: 'x',
      params: { module, prerequisite: 'ethics-integrity' },
      where: { itemId: id, moduleId: id },
      cause: 'prerequisite-missing|ethics-integrity',
    });
    render(<ChecksPanel {...props} computed={{ ...props.computed, checks: [missing('a', 'Arrest'), missing('b', 'Oversight'), missing('c', 'Interviews')] }} />);
    const warnings = screen.getByRole('region', { name: /^Warnings/ });
    expect(within(warnings).getAllByRole('button', { name: /^Accept/ })).toHaveLength(1);
    await user.click(within(warnings).getByText('2 more like it'));
    expect(within(warnings).getByRole('button', { name: /Module “Interviews” builds on/ })).toBeVisible();
  });

  it('accepts a warning with a reason for every finding of its group, and withdraws the acceptance', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    const warning: CurriculumCheck = { id: 'w1', code: 'course-aim-missing', severity: 'warning', message: 'x', params: {}, where: {} };
    const error: CurriculumCheck = { id: 'e1', code: 'test-no-session', severity: 'error', message: 'x', params: { test: 'post-test' }, where: {} };
    const { unmount } = render(<ChecksPanel {...props} computed={{ ...props.computed, checks: [error, warning] }} />);
    // Errors cannot be accepted: the course would not run as printed.
    expect(within(screen.getByRole('region', { name: /^Errors/ })).queryByRole('button', { name: /^Accept/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Accept…' }));
    const reason = screen.getByRole('textbox', { name: 'Why can the course run as it is?' });
    expect(reason).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeDisabled();
    await user.type(reason, 'The aim is in the approved concept note{Enter}');
    const accepted = lastChange(props.change, SAMPLE);
    expect(accepted.label).toBe('Accept a warning');
    expect(accepted.result.acknowledgements).toEqual([{ checkId: 'w1', reason: 'The aim is in the approved concept note', at: expect.any(String) as string }]);
    unmount();

    const withAck = { ...warning, acknowledged: { reason: 'The aim is in the approved concept note', at: '2026-12-01T09:00:00.000Z' } };
    const next = panelProps({ ...SAMPLE, acknowledgements: [{ checkId: 'w1', reason: 'The aim is in the approved concept note', at: '2026-12-01T09:00:00.000Z' }] });
    render(<ChecksPanel {...next} computed={{ ...next.computed, checks: [withAck] }} />);
    expect(screen.getByRole('status')).toHaveTextContent('0 errors · 0 warnings · 0 notes · 1 accepted');
    await user.click(screen.getByText('Accepted'));
    expect(screen.getByText('Accepted: The aim is in the approved concept note')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    expect(lastChange(next.change, next.curriculum).result.acknowledgements).toEqual([]);
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
