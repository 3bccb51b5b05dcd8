import { useMemo } from 'react';
import { parseMarkdown, type Block, type Inline } from '../../../shared/domain/markdown';
import { useRefPrinter } from './ref-printer';

/**
 * A module's long text (aims, activities, notes…) in the safe Markdown subset, built as React elements
 * from the parsed tree so that author text is only ever a text node, never HTML.
 */
export function RichText({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className={className}>
      {blocks.map((block, index) => (
        // The blocks are derived from `text` alone and re-created with it, so their position is a stable key.
        <RichBlock key={index} block={block} />
      ))}
    </div>
  );
}

function RichBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p>
          <RichInline inlines={block.children} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <RichInline inlines={item} />
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

/** Inline content (emphasis, links, text) without a surrounding block, e.g. for a one-line summary. */
export function RichInline({ inlines }: { inlines: Inline[] }) {
  return <>{inlines.map((inline, index) => renderInline(inline, index))}</>;
}

function renderInline(inline: Inline, key: number) {
  switch (inline.kind) {
    case 'text':
      return inline.text;
    case 'ref':
      return <RefText key={key} inline={inline} />;
    case 'strong':
      return (
        <strong key={key}>
          <RichInline inlines={inline.children} />
        </strong>
      );
    case 'em':
      return (
        <em key={key}>
          <RichInline inlines={inline.children} />
        </em>
      );
    case 'link':
      // The parser only emits http:, https: and mailto: targets. A new-window request is denied by the
      // main process, which offers http(s) links to the user's browser after asking (and refuses the rest).
      return (
        <a key={key} href={inline.href} target="_blank" rel="noopener noreferrer">
          <RichInline inlines={inline.children} />
        </a>
      );
  }
}

/** A reference as its number where the text is shown ("Handout 4.1A"); marked when its target is missing. */
function RefText({ inline }: { inline: Extract<Inline, { kind: 'ref' }> }) {
  const printer = useRefPrinter();
  if (!printer) return <span className="ref">{inline.ref.fallback ?? inline.source}</span>;
  const printed = printer.print(inline.ref, printer.origin);
  return (
    <span className={printed.found ? 'ref' : 'ref ref--missing'} title={printed.found ? undefined : inline.source}>
      {printed.text}
    </span>
  );
}
