import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RichInline, RichText } from '../../renderer/src/components/RichText';

describe('RichText', () => {
  it('renders paragraphs as p elements', () => {
    const { container } = render(<RichText text={'First line\nsame paragraph\n\nSecond'} />);
    const paragraphs = container.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toHaveTextContent('First line same paragraph');
    expect(paragraphs[1]).toHaveTextContent('Second');
  });

  it('renders a bullet list as a real ul with li items', () => {
    const { container } = render(<RichText text={'- one\n- two'} />);
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('UL');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['one', 'two']);
    expect(container.querySelector('ol')).toBeNull();
  });

  it('renders a numbered list as an ol keeping its start number', () => {
    render(<RichText text={'3. three\n4. four'} />);
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('OL');
    expect(list).toHaveAttribute('start', '3');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('renders bold as strong and italic as em', () => {
    const { container } = render(<RichText text="**bold *and italic***" />);
    const bold = container.querySelector('strong');
    expect(bold).toHaveTextContent('bold and italic');
    expect(bold?.querySelector('em')).toHaveTextContent('and italic');
  });

  it('renders a safe link with its href, a new-window target and rel="noopener noreferrer"', () => {
    render(<RichText text="Read [the guide](https://example.org/guide)." />);
    const link = screen.getByRole('link', { name: 'the guide' });
    expect(link).toHaveAttribute('href', 'https://example.org/guide');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('renders an img tag in the text as text, not as an element', () => {
    const { container } = render(<RichText text="<img src=x onerror=alert(1)>" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror=alert(1)>');
  });

  it('renders a script tag as text', () => {
    const { container } = render(<RichText text="<script>alert(1)</script><b>x</b>" />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container).toHaveTextContent('<script>alert(1)</script><b>x</b>');
  });

  it('renders no a element for a javascript: link and shows what was typed', () => {
    const { container } = render(<RichText text="[click me](javascript:alert(1))" />);
    expect(container.querySelector('a')).toBeNull();
    expect(container).toHaveTextContent('[click me](javascript:alert(1))');
  });

  it('renders no a element for data: and vbscript: links', () => {
    const { container } = render(<RichText text={'[a](data:text/html,<script>alert(1)</script>)\n\n[b](VBSCRIPT:msgbox(1))'} />);
    expect(container.querySelector('a')).toBeNull();
  });

  it('puts the class name on the wrapper', () => {
    const { container } = render(<RichText text="x" className="module-notes" />);
    expect(container.firstElementChild).toHaveClass('module-notes');
  });

  it('renders nothing inside the wrapper for empty text', () => {
    const { container } = render(<RichText text="" />);
    expect(container.firstElementChild).toBeEmptyDOMElement();
  });

  it('keeps placeholders as text', () => {
    const { container } = render(<RichText text="Police in {country}" />);
    expect(container).toHaveTextContent('Police in {country}');
  });
});

describe('RichInline', () => {
  it('renders inline content without a block element', () => {
    const { container } = render(<RichInline inlines={[{ kind: 'text', text: 'a ' }, { kind: 'em', children: [{ kind: 'text', text: 'b' }] }]} />);
    expect(container.querySelector('p')).toBeNull();
    expect(container.querySelector('em')).toHaveTextContent('b');
    expect(container).toHaveTextContent('a b');
  });
});
