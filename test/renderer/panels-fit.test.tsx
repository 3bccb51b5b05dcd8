import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fitCurriculum } from '../../shared/domain/curriculum/fit';
import { scheduleCurriculum, scheduleFits } from '../../shared/domain/curriculum/schedule';
import type { Curriculum } from '../../shared/schemas/curriculum';
import { FitPanel } from '../../renderer/src/features/composer/panels/FitPanel';
import { lastChange, panelProps, SAMPLE } from './panels-fixture';

const daysField = () => screen.getByRole('spinbutton', { name: 'Number of days' });

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
    const table = screen.getByRole('region', { name: new RegExp(`^${String(fit.changes.length)} activit`) });
    expect(within(table).getAllByRole('row')).toHaveLength(fit.changes.length + 1);
    const first = fit.changes[0]!;
    expect(within(table).getAllByRole('rowheader')[0]).toHaveTextContent(new RegExp(`^${first.lessonCode.replace('.', '\\.')}, step ${String(first.stepIndex + 1)}: `));
    expect(screen.getByText('Teaching now').nextElementSibling).toHaveTextContent('63 h');

    await user.click(screen.getByRole('button', { name: 'Apply: fit to 10 days' }));
    const { label, result } = lastChange(props.change, CROWDED);
    expect(label).toBe('Fit the course to 10 days');
    expect(result.days).toBe(10);
    expect(scheduleFits(scheduleCurriculum(result))).toBe(true);
    expect(scheduleCurriculum(result).teachingMinutes).toBe(fit.minutesAfter);
  });

  it('lengthens activities into spare time only when asked, and changes the days on apply', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    render(<FitPanel {...props} />);
    fireEvent.change(daysField(), { target: { value: '11' } });
    expect(screen.getByText('The course already fits 11 days: nothing to change.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Also lengthen activities to fill spare time' }));
    const fit = fitCurriculum({ ...SAMPLE, days: 11 }, { allowStretch: true });
    expect(fit.changes.length).toBeGreaterThan(0);
    expect(screen.getByText('Teaching after fitting').nextElementSibling?.textContent).not.toBe(screen.getByText('Teaching now').nextElementSibling?.textContent);
    await user.click(screen.getByRole('button', { name: 'Apply: fit to 11 days' }));
    const { result } = lastChange(props.change, SAMPLE);
    expect(result.days).toBe(11);
    expect(scheduleCurriculum(result).teachingMinutes).toBe(fit.minutesAfter);
  });

  it('says what cannot fit when the days are too few', () => {
    render(<FitPanel {...panelProps()} />);
    fireEvent.change(daysField(), { target: { value: '5' } });
    const fit = fitCurriculum({ ...SAMPLE, days: 5 });
    expect(screen.getByText(/Even with every activity at its shortest \(55 h 35 min\), the course is/)).toBeInTheDocument();
    const heading = screen.getByRole('heading', { name: `${String(fit.unfit.length)} lessons or sessions still do not fit` });
    const list = heading.nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole('listitem')).toHaveLength(fit.unfit.length);
    expect(within(list).getAllByRole('listitem').at(-1)).toHaveTextContent(/^Session “Closing: course evaluation and certificates” \(1 h\) would fall on day \d+, after the last day\.$/);
    expect(screen.getByRole('button', { name: 'Apply the closest fit' })).toBeEnabled();
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
