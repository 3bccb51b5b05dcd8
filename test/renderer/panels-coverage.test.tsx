import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BLOOM_LEVELS } from '../../shared/schemas/module';
import { CoveragePanel } from '../../renderer/src/features/composer/panels/CoveragePanel';
import { panelProps, SAMPLE } from './panels-fixture';

const headerTexts = (table: HTMLElement, scope: 'col' | 'row') => [...table.querySelectorAll(`th[scope="${scope}"]`)].map((th) => th.textContent);

describe('CoveragePanel', () => {
  it('charts the hours of every theme with text labels', () => {
    const props = panelProps();
    render(<CoveragePanel {...props} />);
    const chart = screen.getByRole('table', { name: 'Hours per theme' });
    const rows = within(chart).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(props.computed.coverage.themes.length);
    const hr = props.computed.coverage.themes.find((t) => t.theme === 'human-rights-foundations');
    const minutes = hr?.minutes ?? 0;
    const hrRow = within(chart).getByRole('row', { name: /Human rights foundations/ });
    const expected = minutes % 60 === 0 ? `${String(minutes / 60)} h` : `${String(Math.floor(minutes / 60))} h ${String(minutes % 60)} min`;
    expect(hrRow).toHaveTextContent(expected);
    expect(hrRow).toHaveTextContent('Required');
    expect(within(chart).getByRole('row', { name: /Trafficking and migrant smuggling/ })).toHaveTextContent('Not covered');
    // The counting rule and the hours taught, so that themes adding up to more than the course is explained.
    const total = props.computed.coverage.taughtMinutes;
    expect(screen.getByText(`The course teaches ${String(Math.floor(total / 60))} h${total % 60 === 0 ? '' : ` ${String(total % 60)} min`} in all.`)).toBeInTheDocument();
    expect(screen.getByText(/^Counting rule: a lesson counts fully for each theme of its module/)).toBeInTheDocument();
  }, 20_000);

  it('flags a required theme the course does not cover', () => {
    const demanding = { ...SAMPLE, requiredThemes: [...SAMPLE.requiredThemes, 'trafficking-and-smuggling' as const] };
    render(<CoveragePanel {...panelProps(demanding)} />);
    const chart = screen.getByRole('table', { name: 'Hours per theme' });
    const row = within(chart).getByRole('row', { name: /^Trafficking and migrant smuggling/ });
    expect(row).toHaveTextContent('Required, not covered');
    expect(row).toHaveClass('cv-chart__row--missing');
  });

  it('counts objectives per lesson and Bloom level under proper headers', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    render(<CoveragePanel {...props} />);
    const region = screen.getByRole('region', { name: 'Learning objectives by Bloom level' });
    const table = within(region).getByRole('table');
    expect(headerTexts(table, 'col')).toEqual(['Lesson', 'Remember', 'Understand', 'Apply', 'Analyse', 'Evaluate', 'Create', 'Total']);
    const { bloom } = props.computed.coverage;
    expect(headerTexts(table, 'row')).toHaveLength(bloom.rows.length + 1);
    const first = bloom.rows[0]!;
    const row = within(table).getByRole('row', { name: new RegExp(`^${first.number.replace('.', '\\.')} `) });
    const cells = within(row).getAllByRole('cell').map((c) => Number(c.textContent));
    expect(cells).toEqual([...BLOOM_LEVELS.map((level) => first.counts[level]), first.total]);
    const footer = table.querySelector('tfoot tr')!;
    expect([...footer.querySelectorAll('td')].map((c) => Number(c.textContent))).toEqual([...BLOOM_LEVELS.map((l) => bloom.totals[l]), bloom.total]);

    await user.click(within(row).getByRole('button'));
    expect(props.select).toHaveBeenCalledWith({ itemId: first.itemId, moduleId: first.moduleId, lessonCode: first.lessonCode });
  });

  it('traces instruments and national law against the lessons that cite them', () => {
    const props = panelProps();
    render(<CoveragePanel {...props} />);
    const region = screen.getByRole('region', { name: 'Instruments taught, lesson by lesson' });
    const table = within(region).getByRole('table');
    const { traceability } = props.computed.coverage;
    expect(headerTexts(table, 'col')).toEqual(['Instrument', 'Lessons', ...traceability.lessons.map((l) => `${l.number} ${l.title}`)]);
    expect([...table.querySelectorAll('th[scope="rowgroup"]')].map((th) => th.textContent)).toEqual(['International and regional instruments', 'National law']);

    const udhr = traceability.rows.find((r) => r.referenceId === 'udhr-1948')!;
    expect(udhr.lessons.length).toBeGreaterThan(0);
    const row = within(table).getByRole('row', { name: /^UDHR/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(String(udhr.lessons.length));
    expect(cells.slice(1).filter((c) => c.textContent === '●cited')).toHaveLength(udhr.lessons.length);
    // National law rows come after every international one.
    const names = headerTexts(table, 'row');
    expect(names.indexOf('National police law')).toBeGreaterThan(names.indexOf('UDHR'));
  });

  it('says when the course has no lessons yet', () => {
    render(<CoveragePanel {...panelProps({ ...SAMPLE, items: [] })} />);
    expect(screen.getByText(/The course has no lessons yet/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Learning objectives by Bloom level' })).toBeNull();
  });
});
