import { describe, expect, it } from 'vitest';
import { criteriaOf } from '../../../shared/domain/export/criteria';
import { inlinesText } from '../../../shared/domain/export/inline';
import { modules } from '../../unit/curriculum/sample';

const text = (answer: string, values: Record<string, string> = {}) => {
  const c = criteriaOf(answer, values);
  return { intro: inlinesText(c.intro), items: c.items.map(inlinesText), outro: inlinesText(c.outro) };
};

describe('criteria read from a marking guide', () => {
  it('splits a lead-in and semicolon-separated criteria, keeping the scoring rule as the intro', () => {
    expect(text('Checklist (1 point each, pass at 5 of 7): introduces self and purpose; keeps a safe distance; listens.')).toEqual({
      intro: 'Checklist (1 point each, pass at 5 of 7)',
      items: ['introduces self and purpose', 'keeps a safe distance', 'listens'],
      outro: '',
    });
  });

  it('does not split inside parentheses, and keeps a sentence after the last criterion apart', () => {
    expect(text('Marking guide (per card, 3 points; pass at 6): correct decision (1); threat (a; b) identified (1). A correct decision alone earns 1 point.')).toEqual({
      intro: 'Marking guide (per card, 3 points; pass at 6)',
      items: ['correct decision (1)', 'threat (a; b) identified (1)'],
      outro: 'A correct decision alone earns 1 point.',
    });
  });

  it('reads a Markdown list, with the text before it as the intro (without its colon) and after it as the outro', () => {
    expect(text('Marking guide (20 marks):\n\n- All sections completed (8 marks).\n- Priorities recorded (3 marks).\n\nPass at 12.')).toEqual({
      intro: 'Marking guide (20 marks)',
      items: ['All sections completed (8 marks).', 'Priorities recorded (3 marks).'],
      outro: 'Pass at 12.',
    });
  });

  it('splits on the Arabic semicolon and fills placeholders', () => {
    expect(text('قائمة التحقق (النجاح بـ2 من 3): يذكر أساسًا في {law}؛ يحدد هدفًا؛ يصل إلى استنتاج', { law: 'قانون الشرطة' })).toEqual({
      intro: 'قائمة التحقق (النجاح بـ2 من 3)',
      items: ['يذكر أساسًا في قانون الشرطة', 'يحدد هدفًا', 'يصل إلى استنتاج'],
      outro: '',
    });
  });

  it('keeps prose it cannot split as one criterion, word for word', () => {
    const prose = 'Competent: at least 8 of the 10 checklist items observed, including items 2 and 7. Not yet competent: fewer than 8.';
    expect(text(prose)).toEqual({ intro: '', items: [prose], outro: '' });
  });

  it('finds at least one criterion in every practical item of the sample library', () => {
    const practical = [...modules.values()].flatMap((m) => m.lessons.flatMap((l) => l.evaluation.filter((e) => e.kind === 'practical')));
    expect(practical.length).toBeGreaterThan(40);
    const counts = practical.map((item) => criteriaOf(item.answer, {}).items.length);
    expect(counts.every((n) => n >= 1)).toBe(true);
    // Most guides are checklists: they become several criteria, not one block of text.
    expect(counts.filter((n) => n >= 3).length).toBeGreaterThan(practical.length / 2);
  });
});
