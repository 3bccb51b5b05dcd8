import { render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { Duration } from '../../renderer/src/components/Duration';
import { Composer } from '../../renderer/src/features/composer/Composer';
import { TimetablePanel } from '../../renderer/src/features/composer/panels/TimetablePanel';
import { setLanguage } from '../../renderer/src/i18n';
import { durationText } from '../../renderer/src/lib/duration-text';
import { composerBackend, curriculum, moduleItem } from './composer-fixture';
import { panelProps } from './panels-fixture';

const t = (key: string, values?: Record<string, string | number>) => i18next.t(key, values);

describe('Arabic text', () => {
  it('says hours and minutes with the Arabic plural forms', async () => {
    await setLanguage('ar');
    expect(durationText(t, 180)).toBe('3 ساعات');
    expect(durationText(t, 60)).toBe('ساعة واحدة');
    expect(durationText(t, 120)).toBe('ساعتان');
    expect(durationText(t, 11 * 60)).toBe('11 ساعة');
    expect(durationText(t, 100 * 60)).toBe('100 ساعة');
    expect(durationText(t, 3 * 60 + 5)).toBe('3 ساعات و5 دقائق');
    expect(durationText(t, 2)).toBe('دقيقتان');
    expect(durationText(t, 45)).toBe('45 دقيقة');
    render(<Duration minutes={200} />);
    expect(screen.getByText('3 ساعات و20 دقيقة')).toBeInTheDocument();
  });

  it('keeps English durations short', () => {
    expect(durationText(t, 150)).toBe('2 h 30 min');
    expect(durationText(t, 60)).toBe('1 h');
    expect(durationText(t, 5)).toBe('5 min');
  });

  it('isolates the titles of the timetable, so a Latin title keeps its own direction (and its start when cut off)', async () => {
    await setLanguage('ar');
    render(<TimetablePanel {...panelProps()} />);
    const day1 = screen.getAllByRole('region').find((r) => r.getAttribute('aria-labelledby')?.endsWith('-day-1'));
    if (!day1) throw new Error('no day 1');
    const title = within(day1).getByText('Opening: welcome, introductions and trust-building');
    expect(title.tagName).toBe('BDI');
    expect(title).toHaveAttribute('dir', 'auto');
    const code = within(day1).getAllByText('1.1')[0];
    expect(code?.tagName).toBe('BDI');
    expect(code).toHaveAttribute('dir', 'ltr');
  });

  it('isolates an English course title in the Arabic composer, so it keeps its order but lines up with the page', async () => {
    await setLanguage('ar');
    composerBackend(curriculum([moduleItem('hr-foundations')], { title: 'Rights (pilot) course.' }));
    render(<Composer curriculumId="test-course" onOpen={vi.fn()} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).not.toHaveAttribute('dir');
    const title = within(heading).getByText('Rights (pilot) course.');
    expect(title.tagName).toBe('BDI');
    expect(title).toHaveAttribute('dir', 'auto');
    expect(title).toHaveAttribute('lang', 'en');
  });
});
