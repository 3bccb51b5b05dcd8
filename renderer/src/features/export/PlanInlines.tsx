import type { ReactNode } from 'react';
import type { PlanInline } from '../../../../shared/domain/export/plan';
import { isSafeHref } from '../../../../shared/domain/markdown';

/**
 * Runs of plan text as React nodes. Text only ever becomes text nodes (never HTML), so "<b>" in a module
 * stays visible as typed. Unfilled placeholders are highlighted and labelled so they are noticed on paper.
 */
export function PlanInlines({ inlines, unfilledLabel }: { inlines: readonly PlanInline[]; unfilledLabel: string }) {
  return <>{inlines.map((inline, index) => renderInline(inline, index, unfilledLabel))}</>;
}

function renderInline(inline: PlanInline, key: number, unfilledLabel: string): ReactNode {
  switch (inline.kind) {
    case 'text':
      return emphasise(inline.text, inline, key);
    case 'link':
      // Plans should only carry http, https and mailto links; checked again here because a link is the one
      // way plan text could run code in the app. A new-window request is denied by the main process, which
      // offers http(s) links to the user's browser after asking, as for links in module pages.
      if (!isSafeHref(inline.href)) return emphasise(inline.text, inline, key);
      return (
        <a key={key} href={inline.href} target="_blank" rel="noopener noreferrer">
          {emphasise(inline.text, inline, 0)}
        </a>
      );
    case 'placeholder':
      if (inline.value !== undefined) return emphasise(inline.value, inline, key);
      return (
        <mark key={key} className="plan-placeholder" title={unfilledLabel}>
          <span className="plan-visually-hidden">{`${unfilledLabel}: `}</span>
          {emphasise(`{${inline.name}}`, inline, 0)}
        </mark>
      );
  }
}

function emphasise(text: string, style: { bold?: boolean; italic?: boolean }, key: number): ReactNode {
  const inner = style.italic ? <em>{text}</em> : text;
  if (style.bold) return <strong key={key}>{inner}</strong>;
  return style.italic ? <em key={key}>{text}</em> : text;
}
