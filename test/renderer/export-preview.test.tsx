import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ExportPlan } from '../../shared/domain/export/plan';
import { AppError } from '../../shared/errors';
import type { ExportRequest } from '../../shared/schemas/export';
import { PrintPreviewPage } from '../../renderer/src/features/export/PrintPreviewPage';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';
import { arabicParticipantPlan, englishTrainerPlan } from './fixtures/export-plans';

const REQUEST: ExportRequest = { target: { kind: 'module', id: 'community-policing' }, variant: 'trainer', paper: 'a4', annexes: true };

function previewBridge(plan: (req: ExportRequest) => ExportPlan = () => englishTrainerPlan()) {
  const fake = fakeBridge({ 'export:plan': (req) => plan(req as ExportRequest) });
  setBridge(fake.bridge);
  const planRequests = () => fake.invoke.mock.calls.filter(([c]) => c === 'export:plan').map(([, p]) => p);
  return { ...fake, planRequests };
}

async function renderPreview(props: Partial<Parameters<typeof PrintPreviewPage>[0]> = {}) {
  const result = render(<PrintPreviewPage request={REQUEST} {...props} />);
  const doc = await screen.findByRole('article');
  return { ...result, doc };
}

describe('the print preview', () => {
  it('loads the plan of the request and renders the cover and numbered headings', async () => {
    const fake = previewBridge();
    const { doc } = await renderPreview();
    expect(fake.planRequests()).toEqual([REQUEST]);
    expect(doc).toHaveAttribute('lang', 'en');
    expect(doc).toHaveAttribute('dir', 'ltr');
    expect(doc).toHaveAttribute('data-paper', 'a4');
    expect(within(doc).getByRole('heading', { level: 2, name: 'Community Policing' })).toHaveClass('plan-cover__title');
    expect(within(doc).getByText('Trainer lesson plans')).toBeInTheDocument();
    expect(within(doc).getByText('National Police Academy', { selector: 'dd' })).toBeInTheDocument();
    const module = within(doc).getByRole('heading', { level: 2, name: 'Module 2 Community Policing' });
    expect(within(module).getByText('Module 2')).toHaveClass('plan-heading__number');
    expect(within(doc).getByRole('heading', { level: 3, name: 'Lesson 2.3 Problem-solving with residents' })).toBeInTheDocument();
    expect(within(doc).getByRole('heading', { level: 4, name: 'Steps' })).toBeInTheDocument();
  });

  it('builds the table of contents from the headings marked for it, linking to their anchors', async () => {
    const user = userEvent.setup();
    previewBridge();
    const { doc } = await renderPreview();
    const contents = within(doc).getByRole('navigation', { name: 'Contents' });
    const links = within(contents).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Module 2 Community Policing', 'Lesson 2.3 Problem-solving with residents']);
    const target = document.getElementById(links[1]?.getAttribute('href')?.slice(1) ?? '');
    expect(target).toHaveTextContent('Problem-solving with residents');

    // The app routes by hash: following a contents link scrolls instead of leaving the preview.
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    onTestFinished(() => {
      // jsdom has no layout and no scrollIntoView: remove the stand-in.
      Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    });
    window.location.hash = '#/library/community-policing/preview';
    await user.click(links[1] as HTMLElement);
    expect(window.location.hash).toBe('#/library/community-policing/preview');
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(target).toHaveFocus();
  });

  it('renders lists with their start, tables with a header, facts and ruled lines, and skips empty sections', async () => {
    previewBridge();
    const { doc, container } = await renderPreview();
    const ordered = container.querySelector('ol.plan-list');
    expect(ordered).toHaveAttribute('start', '1');
    expect(within(ordered as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Scan', 'Analyse', 'Respond', 'Assess']);

    const table = within(doc).getByRole('table', { name: 'Lesson map' });
    const [head, body] = within(table).getAllByRole('rowgroup');
    expect(head?.tagName).toBe('THEAD');
    expect(within(head as HTMLElement).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Time', 'Trainer activity', 'Participant activity']);
    expect(within(body as HTMLElement).getAllByRole('row')).toHaveLength(2);
    expect(within(body as HTMLElement).getByText('Break').closest('td')).toHaveClass('plan-cell--break');
    expect([...table.querySelectorAll('col')].map((col) => col.style.width)).toEqual(['14.29%', '42.86%', '42.86%']);

    expect(within(doc).getByRole('rowheader', { name: 'Duration' })).toBeInTheDocument();
    expect(container.querySelectorAll('.plan-lines__line')).toHaveLength(3);
    // Cover, contents, the module and the lesson: the empty section makes no page.
    expect(container.querySelectorAll('.plan-page')).toHaveLength(4);
    expect(within(doc).getByText('Trainer note: keep groups small.')).toHaveClass('plan-p--note');
  });

  it('highlights unfilled placeholders with the plan label and prints filled ones as text', async () => {
    previewBridge();
    const { doc } = await renderPreview();
    const venue = within(doc).getByRole('rowheader', { name: 'Venue' }).nextElementSibling as HTMLElement;
    const mark = within(venue).getByText('{venue}').closest('mark');
    expect(mark).toHaveClass('plan-placeholder');
    expect(mark).toHaveAttribute('title', 'Value not filled in');
    expect(mark).toHaveTextContent('Value not filled in: {venue}');
    const academy = within(doc).getByRole('rowheader', { name: 'Academy' }).nextElementSibling as HTMLElement;
    expect(academy).toHaveTextContent('National Police Academy');
    expect(academy.querySelector('mark')).toBeNull();
  });

  it('keeps text as text: emphasis becomes elements, but "<b>" typed in a module stays visible', async () => {
    previewBridge();
    const { doc } = await renderPreview();
    expect(within(doc).getByText('with').tagName).toBe('STRONG');
    expect(within(doc).getByText('not against it').tagName).toBe('EM');
    expect(within(doc).getByText(/Write <b>calmly<\/b>\./)).toBeInTheDocument();
    expect(doc.querySelector('b')).toBeNull();
    const link = within(doc).getByRole('link', { name: 'the OSCE guidebook' });
    expect(link).toHaveAttribute('href', 'https://www.osce.org/guidebook');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('sets right to left and Arabic on the document of an Arabic plan, on its paper', async () => {
    previewBridge(() => arabicParticipantPlan());
    const { doc, container } = await renderPreview({ request: { ...REQUEST, variant: 'participant', paper: 'letter' } });
    expect(doc).toHaveAttribute('dir', 'rtl');
    expect(doc).toHaveAttribute('lang', 'ar');
    expect(doc).toHaveAttribute('data-paper', 'letter');
    expect(within(doc).queryByRole('navigation')).toBeNull();
    expect(container.querySelector('ol.plan-list')).toHaveAttribute('start', '3');
    expect(within(doc).getByRole('heading', { level: 2, name: 'الوحدة 1 الشرطة المجتمعية' })).toBeInTheDocument();
  });

  it('reloads the plan when the document or paper changes, and tells the parent', async () => {
    const user = userEvent.setup();
    const fake = previewBridge((req) => ({ ...englishTrainerPlan(), variant: req.variant, paper: req.paper }));
    const onRequestChange = vi.fn();
    const { doc } = await renderPreview({ onRequestChange });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Document' }), 'participant');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Paper' }), 'letter');
    await waitFor(() => {
      expect(doc).toHaveAttribute('data-paper', 'letter');
    });
    expect(fake.planRequests()).toEqual([REQUEST, { ...REQUEST, variant: 'participant' }, { ...REQUEST, variant: 'participant', paper: 'letter' }]);
    expect(onRequestChange).toHaveBeenLastCalledWith({ ...REQUEST, variant: 'participant', paper: 'letter' });
  });

  it('prints, opens the Word export for the same document, and goes back', async () => {
    const user = userEvent.setup();
    previewBridge();
    const print = vi.fn();
    vi.spyOn(window, 'print').mockImplementation(print);
    const onBack = vi.fn();
    await renderPreview({ onBack });
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Export to Word…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export to Word' });
    expect(within(dialog).getByRole('radio', { name: /Trainer lesson plans/ })).toBeChecked();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('marks the page for print styles only while it is shown', async () => {
    previewBridge();
    const { unmount } = await renderPreview();
    expect(document.documentElement).toHaveClass('cc-print-preview');
    unmount();
    expect(document.documentElement).not.toHaveClass('cc-print-preview');
  });

  it('says why a participant preview was refused', async () => {
    previewBridge(() => {
      throw new AppError('forbidden', 'Lesson 1.2 has a marking guide that participants must not see.');
    });
    render(<PrintPreviewPage request={{ ...REQUEST, variant: 'participant' }} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('it would give participants text meant only for trainers');
    expect(alert).toHaveTextContent('Lesson 1.2 has a marking guide');
    expect(screen.getByRole('button', { name: 'Print' })).toBeDisabled();
  });
});
