import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fitCurriculum } from '../../shared/domain/curriculum/fit';
import { fitRemedies, fitStanding } from '../../shared/domain/curriculum/remedies';
import { scheduleCurriculum, scheduleFits } from '../../shared/domain/curriculum/schedule';
import type { Curriculum } from '../../shared/schemas/curriculum';
import { FitPanel } from '../../renderer/src/features/composer/panels/FitPanel';
import { setLanguage } from '../../renderer/src/i18n';
import { reviewCase } from '../unit/curriculum/timed-modules';
import { lastChange, panelProps, SAMPLE } from './panels-fixture';

const daysField = () => screen.getByRole('spinbutton', { name: 'Number of days' });

/** A remedy's card, found by its heading. */
const remedyCard = (title: string) => screen.getByRole('region', { name: title });

/** "4 h 15 min", as the panel says minutes. */
function minutes(total: number): string {
  const [h, m] = [Math.floor(total / 60), total % 60];
  return h === 0 ? `${String(m)} min` : m === 0 ? `${String(h)} h` : `${String(h)} h ${String(m)} min`;
}

/** The sample with an hour's visit after the opening: lessons no longer fit ten days as they stand. */
const CROWDED: Curriculum = {
  ...SAMPLE,
  items: [...SAMPLE.items.slice(0, 1), { kind: 'session', id: 'visit', sessionKind: 'field-visit', title: 'Visit to a police station', minutes: 60 }, ...SAMPLE.items.slice(1)],
};

describe('FitPanel', () => {
  it('starts from the course’s days and says when it already fits', () => {
    render(<FitPanel {...panelProps()} />);
    expect(daysField()).toHaveValue(10);
    expect(screen.getByText('The course already fits 10 days: nothing to change.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply: fit to 10 days' })).toBeDisabled();
  });

  it('previews and applies shortened activities so that a crowded course fits', async () => {
    const user = userEvent.setup();
    expect(scheduleFits(scheduleCurriculum(CROWDED))).toBe(false);
    const props = panelProps(CROWDED);
    render(<FitPanel {...props} />);
    const fit = fitCurriculum(CROWDED, { allowStretch: false });
    expect(fit.fits).toBe(true);
    const card = remedyCard('Shorten activities');
    const table = within(card).getByRole('region', { name: new RegExp(`^${String(fit.changes.length)} activit`) });
    expect(within(table).getAllByRole('row')).toHaveLength(fit.changes.length + 1);
    const first = fit.changes[0]!;
    expect(within(table).getAllByRole('rowheader')[0]).toHaveTextContent(new RegExp(`^${first.lessonCode.replace('.', '\\.')}, step ${String(first.stepIndex + 1)}: `));
    expect(within(card).getByText('Teaching now').nextElementSibling).toHaveTextContent('63 h');

    await user.click(within(card).getByRole('button', { name: 'Apply: shorten activities' }));
    const { label, result } = lastChange(props.change, CROWDED);
    expect(label).toBe('Shorten activities to fit 10 days');
    expect(result.days).toBe(10);
    expect(scheduleFits(scheduleCurriculum(result))).toBe(true);
    expect(scheduleCurriculum(result).teachingMinutes).toBe(fit.minutesAfter);
    // What was done is said, and takes the focus from the button that is about to go.
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveFocus();
    });
    expect(screen.getByRole('status')).toHaveTextContent('Applied: Shorten activities to fit 10 days. Undo brings the course back as it was.');
  });

  it('lengthens activities into spare time only when asked, and changes the days on apply', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    // The first number of days whose spare time the activities' ranges can fill.
    const days = [11, 12, 13, 14, 15].find((d) => fitCurriculum({ ...SAMPLE, days: d }, { allowStretch: true }).changes.length > 0) ?? 0;
    expect(days).toBeGreaterThan(10);
    render(<FitPanel {...props} />);
    fireEvent.change(daysField(), { target: { value: String(days) } });
    expect(screen.getByText(`The course already fits ${String(days)} days: nothing to change.`)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Also lengthen activities to fill spare time' }));
    const fit = fitCurriculum({ ...SAMPLE, days }, { allowStretch: true });
    expect(screen.getByText('Teaching after fitting').nextElementSibling?.textContent).not.toBe(screen.getByText('Teaching now').nextElementSibling?.textContent);
    await user.click(screen.getByRole('button', { name: `Apply: fit to ${String(days)} days` }));
    const { result } = lastChange(props.change, SAMPLE);
    expect(result.days).toBe(days);
    expect(scheduleCurriculum(result).teachingMinutes).toBe(fit.minutesAfter);
  });

  it('says what falls after the last day, and which remedies are enough, when the days are too few', () => {
    render(<FitPanel {...panelProps()} />);
    fireEvent.change(daysField(), { target: { value: '5' } });
    const standing = fitStanding(SAMPLE, 5);
    expect(screen.getByText(`As it stands, the course needs ${String(standing.daysUsed)} days: ${minutes(standing.spillMinutes)} of teaching (${String(standing.spillCount)} lessons or sessions) fall after day 5.`)).toBeInTheDocument();
    const shorten = remedyCard('Shorten activities');
    const fit = fitCurriculum({ ...SAMPLE, days: 5 }, { allowStretch: false });
    expect(within(shorten).getByText(`Not enough: ${minutes(fit.spillMinutes)} would still fall after day 5.`)).toBeInTheDocument();
    const unfit = within(shorten).getByRole('heading', { name: `${String(fit.unfit.length)} lessons or sessions still do not fit` });
    expect(within(unfit.nextElementSibling as HTMLElement).getAllByRole('listitem').at(-1)).toHaveTextContent(/^Session “Closing: course evaluation and certificates” \(1 h\) would fall on day \d+, after the last day\.$/);
    // Shortening as far as it goes may still be applied, a first step before another remedy.
    expect(within(shorten).getByRole('button', { name: 'Apply: shorten activities' })).toBeEnabled();
    expect(within(remedyCard('Add days')).getByText(`Plan ${String(standing.daysUsed)} days instead of 5 days.`)).toBeInTheDocument();
    // Only a very long day holds it: the panel says how long, and lets the designer judge.
    const lengthen = fitRemedies(SAMPLE, 5).remedies.find((r) => r.kind === 'lengthen-day');
    expect(lengthen).toMatchObject({ kind: 'lengthen-day', enough: true, from: '17:00' });
    const end = lengthen?.kind === 'lengthen-day' ? lengthen.end : '';
    expect(within(remedyCard('Lengthen the day')).getByText(new RegExp(`^End every day at ${end} instead of 17:00, the breaks unchanged: `))).toBeInTheDocument();
    expect(within(remedyCard('Lengthen the day')).getByRole('button', { name: 'Apply: lengthen the day' })).toBeEnabled();
  });

  it('says when lengthening the day cannot be enough, and offers no button for it', () => {
    render(<FitPanel {...panelProps()} />);
    fireEvent.change(daysField(), { target: { value: '2' } });
    const card = remedyCard('Lengthen the day');
    expect(within(card).getByText('Not enough: even a day ending at 23:45 is too short.')).toBeInTheDocument();
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('offers, for the case from the review, remedies that each make the course fit in one undoable change', async () => {
    const user = userEvent.setup();
    const course = reviewCase();
    const props = panelProps(course);
    render(<FitPanel {...props} />);
    // The truth: not "15 min too long", but 4 h 35 min of lessons beyond day 5 as the course stands.
    expect(screen.getByText('As it stands, the course needs 6 days: 4 h 35 min of teaching (3 lessons or sessions) fall after day 5.')).toBeInTheDocument();
    expect(within(remedyCard('Shorten activities')).getByText('Not enough: 4 h 15 min would still fall after day 5.')).toBeInTheDocument();

    const leaveOut = remedyCard('Leave out lessons');
    expect(within(leaveOut).getByText('Leave out 3 lessons (4 h 35 min), optional lessons first.')).toBeInTheDocument();
    expect(within(leaveOut).getAllByRole('listitem')[0]).toHaveTextContent('optional');
    expect(within(leaveOut).getByText('Days used: Now').nextElementSibling).toHaveTextContent('6 days');
    expect(within(leaveOut).getByText('Days used: After').nextElementSibling).toHaveTextContent('5 days');
    expect(within(remedyCard('Lengthen the day')).getByText('End every day at 19:00 instead of 17:00, the breaks unchanged: 2 h more a day.')).toBeInTheDocument();

    const expected: [string, string, string][] = [
      ['Leave out lessons', 'Apply: leave out lessons', 'Leave out 3 lessons to fit 5 days'],
      ['Lengthen the day', 'Apply: lengthen the day', 'End the day at 19:00 to fit 5 days'],
      ['Add days', 'Apply: add days', 'Plan 6 days'],
    ];
    for (const [title, button, history] of expected) {
      await user.click(within(remedyCard(title)).getByRole('button', { name: button }));
      const { label, result } = lastChange(props.change, course);
      expect(label).toBe(history);
      expect(scheduleFits(scheduleCurriculum(result)), title).toBe(true);
    }
  });

  it('speaks Arabic, right to left, with the remedies', async () => {
    await setLanguage('ar');
    render(<FitPanel {...panelProps(reviewCase())} />);
    expect(screen.getByRole('heading', { name: 'طرق المواءمة' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'تطبيق: حذف دروس' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'تطبيق: إضافة أيام' })).toBeInTheDocument();
  });

  it('explains that nothing can change when no activity has a range', () => {
    const sessions = { ...SAMPLE, items: SAMPLE.items.filter((i) => i.kind === 'session') };
    render(<FitPanel {...panelProps(sessions)} />);
    expect(screen.getByText(/No activity in this course has a range of lengths/)).toBeInTheDocument();
  });

  it('refuses a number of days out of range', () => {
    render(<FitPanel {...panelProps()} />);
    fireEvent.change(daysField(), { target: { value: '0' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number of days from 1 to 200.');
    expect(screen.queryByRole('button', { name: /^Apply/ })).toBeNull();
  });
});
