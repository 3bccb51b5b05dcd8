import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExportPlan, PlanBlock, PlanInline } from '../../shared/domain/export/plan';
import { PrintPreviewPage } from '../../renderer/src/features/export/PrintPreviewPage';
import { setBridge } from '../../renderer/src/lib/bridge';
import { arParticipantHandoutPlan } from '../fixtures/export/plans/ar-participant-handout';
import { enFullCurriculumPlan } from '../fixtures/export/plans/en-full-curriculum';
import { frTrainerLessonsPlan } from '../fixtures/export/plans/fr-trainer-lessons';
import { fakeBridge } from './fakes/fake-bridge';

/** The plans the Word renderer is tested with: the preview must show the same content. */
const PLANS: [string, ExportPlan][] = [
  ['English full curriculum', enFullCurriculumPlan],
  ['French trainer lesson plans', frTrainerLessonsPlan],
  ['Arabic participant handout', arParticipantHandoutPlan],
];

describe.each(PLANS)('the preview of the %s fixture plan', (_name, plan) => {
  async function renderPlan() {
    setBridge(fakeBridge({ 'export:plan': () => plan }).bridge);
    const { container } = render(<PrintPreviewPage request={{ target: { kind: 'curriculum', id: 'foundation-course' }, variant: plan.variant, paper: plan.paper, annexes: true }} />);
    const doc = await screen.findByRole('article');
    return { container, doc };
  }

  it('has the plan language, direction and paper, and one page per non-empty section', async () => {
    const { container, doc } = await renderPlan();
    expect(doc).toHaveAttribute('lang', plan.language);
    expect(doc).toHaveAttribute('dir', plan.direction);
    expect(doc).toHaveAttribute('data-paper', plan.paper);
    const pages = 1 + (plan.tableOfContents ? 1 : 0) + plan.sections.filter((s) => s.blocks.length > 0).length;
    expect(container.querySelectorAll('.plan-page')).toHaveLength(pages);
  });

  it('lists every contents heading and every table with its header row', async () => {
    const { container, doc } = await renderPlan();
    const blocks = plan.sections.flatMap((s) => s.blocks);
    if (plan.tableOfContents) {
      const contents = within(doc).getByRole('navigation', { name: plan.labels.contents });
      expect(within(contents).getAllByRole('link')).toHaveLength(blocks.filter((b) => b.kind === 'heading' && b.toc).length);
    }
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(container.querySelectorAll('table.plan-table')).toHaveLength(tables.length);
    expect(container.querySelectorAll('table.plan-table thead')).toHaveLength(tables.filter((table) => table.header.length > 0).length);
  });

  it('turns no plan text into markup, links only to http, https or mailto, and marks every unfilled placeholder', async () => {
    const { doc } = await renderPlan();
    expect(doc.querySelectorAll('script, iframe, object, b, img:not(.plan-cover__logo)')).toHaveLength(0);
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('a[target]')];
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    const inlines = inlinesOf(plan);
    // A plan that slipped an unsafe link through still shows its text, as plain text.
    for (const inline of inlines) {
      if (inline.kind !== 'link' || /^(https?:|mailto:)/.test(inline.href)) continue;
      expect(doc.textContent).toContain(inline.text);
      expect(links.map((a) => a.textContent)).not.toContain(inline.text);
    }
    const unfilled = inlines.filter((i) => i.kind === 'placeholder' && i.value === undefined);
    expect(doc.querySelectorAll('mark.plan-placeholder')).toHaveLength(unfilled.length);
  });
});

/** Every run of text in a plan's sections: paragraphs, lists, table cells and facts. */
function inlinesOf(plan: ExportPlan): PlanInline[] {
  const ofBlock = (block: PlanBlock): PlanInline[] => {
    switch (block.kind) {
      case 'paragraph':
        return block.inlines;
      case 'list':
        return block.items.flat();
      case 'table':
        return [...block.header, ...block.rows].flat().flatMap((cell) => cell.blocks.flatMap(ofBlock));
      case 'facts':
        return block.rows.flatMap((row) => row.value);
      case 'heading':
      case 'lines':
        return [];
    }
  };
  return plan.sections.flatMap((section) => section.blocks.flatMap(ofBlock));
}
