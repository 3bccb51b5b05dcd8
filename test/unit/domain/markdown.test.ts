import { describe, expect, it } from 'vitest';
import { isSafeHref, markdownToPlainText, parseMarkdown, type Block, type Inline } from '../../../shared/domain/markdown';

const text = (value: string): Inline => ({ kind: 'text', text: value });
const strong = (...children: Inline[]): Inline => ({ kind: 'strong', children });
const em = (...children: Inline[]): Inline => ({ kind: 'em', children });
const link = (href: string, ...children: Inline[]): Inline => ({ kind: 'link', href, children });
const paragraph = (...children: Inline[]): Block => ({ kind: 'paragraph', children });
const bullets = (...items: Inline[][]): Block => ({ kind: 'list', ordered: false, start: 1, items });
const numbered = (start: number, ...items: Inline[][]): Block => ({ kind: 'list', ordered: true, start, items });

/** The inline content of a source that must come out as a single paragraph. */
function inlineOf(source: string): Inline[] {
  const blocks = parseMarkdown(source);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.kind !== 'paragraph') throw new Error(`expected one paragraph, got ${JSON.stringify(blocks)}`);
  return block.children;
}

/** Whether any link anywhere in the tree exists, so hostile-input tests can assert "no link at all". */
function hasLink(inlines: Inline[]): boolean {
  return inlines.some((inline) => inline.kind === 'link' || ((inline.kind === 'strong' || inline.kind === 'em') && hasLink(inline.children)));
}

function nestingDepth(inlines: Inline[]): number {
  let depth = 0;
  for (const inline of inlines) if (inline.kind !== 'text' && inline.kind !== 'ref') depth = Math.max(depth, 1 + nestingDepth(inline.children));
  return depth;
}

describe('parseMarkdown: blocks', () => {
  it('returns no blocks for empty input', () => {
    expect(parseMarkdown('')).toEqual([]);
  });

  it('returns no blocks for input that is only blank lines and spaces', () => {
    expect(parseMarkdown('\n  \n\t\n\r\n')).toEqual([]);
  });

  it('makes a single line into one paragraph', () => {
    expect(parseMarkdown('Participants discuss the case.')).toEqual([paragraph(text('Participants discuss the case.'))]);
  });

  it('separates paragraphs at blank lines', () => {
    expect(parseMarkdown('First.\n\nSecond.')).toEqual([paragraph(text('First.')), paragraph(text('Second.'))]);
  });

  it('treats several blank lines, and lines of only whitespace, as one separator', () => {
    expect(parseMarkdown('First.\n \n\t\n\nSecond.')).toEqual([paragraph(text('First.')), paragraph(text('Second.'))]);
  });

  it('ignores leading and trailing blank lines', () => {
    expect(parseMarkdown('\n\nOnly.\n\n\n')).toEqual([paragraph(text('Only.'))]);
  });

  it('joins lines inside a paragraph with a space (soft line breaks)', () => {
    expect(parseMarkdown('One line\nand the next\nand a third')).toEqual([paragraph(text('One line and the next and a third'))]);
  });

  it('trims indentation and trailing spaces of paragraph lines', () => {
    expect(parseMarkdown('   indented  \n    more   ')).toEqual([paragraph(text('indented more'))]);
  });

  it('handles Windows line endings like Unix ones', () => {
    expect(parseMarkdown('One\r\ntwo\r\n\r\n- a\r\n- b\r\n')).toEqual([paragraph(text('One two')), bullets([text('a')], [text('b')])]);
  });

  it('handles old Mac line endings (lone \\r)', () => {
    expect(parseMarkdown('One\rtwo\r\rThree')).toEqual([paragraph(text('One two')), paragraph(text('Three'))]);
  });

  it('does not turn "# x" into a heading', () => {
    expect(parseMarkdown('# Not a heading')).toEqual([paragraph(text('# Not a heading'))]);
  });

  it('does not turn "> x", tables or code fences into anything but text', () => {
    expect(markdownToPlainText('> quote\n| a | b |\n```js\ncode\n```')).toBe('> quote | a | b | ```js code ```');
  });

  it('reads image syntax as "!" and a link, never as an image', () => {
    expect(parseMarkdown('![alt](https://example.org/a.png)')).toEqual([
      paragraph(text('!'), link('https://example.org/a.png', text('alt'))),
    ]);
  });
});

describe('parseMarkdown: lists', () => {
  it('makes "- " lines into a bullet list', () => {
    expect(parseMarkdown('- one\n- two\n- three')).toEqual([bullets([text('one')], [text('two')], [text('three')])]);
  });

  it('makes "* " lines into a bullet list', () => {
    expect(parseMarkdown('* one\n* two')).toEqual([bullets([text('one')], [text('two')])]);
  });

  it('keeps "-" and "*" items in one bullet list', () => {
    expect(parseMarkdown('- one\n* two')).toEqual([bullets([text('one')], [text('two')])]);
  });

  it('makes "1. " lines into a numbered list starting at 1', () => {
    expect(parseMarkdown('1. one\n2. two')).toEqual([numbered(1, [text('one')], [text('two')])]);
  });

  it('keeps the starting number of a numbered list that starts at 3', () => {
    expect(parseMarkdown('3. three\n4. four')).toEqual([numbered(3, [text('three')], [text('four')])]);
  });

  it('takes only the first number as the start, like Markdown', () => {
    expect(parseMarkdown('1. a\n1. b\n7. c')).toEqual([numbered(1, [text('a')], [text('b')], [text('c')])]);
  });

  it('starts a new list when bullets change to numbers and back', () => {
    expect(parseMarkdown('- a\n1. b\n2. c\n- d')).toEqual([bullets([text('a')]), numbered(1, [text('b')], [text('c')]), bullets([text('d')])]);
  });

  it('keeps items separated by blank lines in the same list', () => {
    expect(parseMarkdown('1. a\n\n2. b\n\n\n3. c')).toEqual([numbered(1, [text('a')], [text('b')], [text('c')])]);
  });

  it('lets a bullet list directly follow a paragraph line', () => {
    expect(parseMarkdown('Aims:\n- listen\n- act')).toEqual([paragraph(text('Aims:')), bullets([text('listen')], [text('act')])]);
  });

  it('lets a numbered list starting at 1 directly follow a paragraph line', () => {
    expect(parseMarkdown('Steps:\n1. stop\n2. look')).toEqual([paragraph(text('Steps:')), numbered(1, [text('stop')], [text('look')])]);
  });

  it('does not start a list inside a paragraph at a number other than 1', () => {
    expect(parseMarkdown('The law dates from\n1984. It was amended.')).toEqual([paragraph(text('The law dates from 1984. It was amended.'))]);
  });

  it('continues the last item with an unmarked line that follows it directly', () => {
    expect(parseMarkdown('- first item\n  wraps here\n- second')).toEqual([bullets([text('first item wraps here')], [text('second')])]);
  });

  it('ends a list with a blank line followed by an ordinary line', () => {
    expect(parseMarkdown('- a\n- b\n\nAfter the list.')).toEqual([bullets([text('a')], [text('b')]), paragraph(text('After the list.'))]);
  });

  it('flattens indented items into the same list', () => {
    expect(parseMarkdown('- a\n  - b')).toEqual([bullets([text('a')], [text('b')])]);
  });

  it('needs a space after the marker', () => {
    expect(parseMarkdown('-not a list\n1.not either')).toEqual([paragraph(text('-not a list 1.not either'))]);
  });

  it('does not make an item of a marker without text', () => {
    expect(parseMarkdown('-')).toEqual([paragraph(text('-'))]);
    expect(parseMarkdown('- ')).toEqual([paragraph(text('-'))]);
  });

  it('does not mistake bold at the start of a line for a bullet', () => {
    expect(parseMarkdown('**Note:** read first')).toEqual([paragraph(strong(text('Note:')), text(' read first'))]);
  });

  it('parses emphasis and links inside items', () => {
    expect(parseMarkdown('- **must** see [the law](https://example.org/law)\n- *may* skip')).toEqual([
      bullets([strong(text('must')), text(' see '), link('https://example.org/law', text('the law'))], [em(text('may')), text(' skip')]),
    ]);
  });

  it('keeps a horizontal-rule-like line as text', () => {
    expect(parseMarkdown('---')).toEqual([paragraph(text('---'))]);
  });
});

describe('parseMarkdown: emphasis', () => {
  it('makes **text** strong', () => {
    expect(inlineOf('a **bold** word')).toEqual([text('a '), strong(text('bold')), text(' word')]);
  });

  it('makes *text* italic', () => {
    expect(inlineOf('an *italic* word')).toEqual([text('an '), em(text('italic')), text(' word')]);
  });

  it('makes _text_ italic', () => {
    expect(inlineOf('an _italic_ word')).toEqual([text('an '), em(text('italic')), text(' word')]);
  });

  it('makes __text__ strong', () => {
    expect(inlineOf('__bold__')).toEqual([strong(text('bold'))]);
  });

  it('nests italic inside bold: **bold *and italic***', () => {
    expect(inlineOf('**bold *and italic***')).toEqual([strong(text('bold '), em(text('and italic')))]);
  });

  it('nests bold inside italic: *italic **and bold** too*', () => {
    expect(inlineOf('*italic **and bold** too*')).toEqual([em(text('italic '), strong(text('and bold')), text(' too'))]);
  });

  it('makes ***text*** both bold and italic', () => {
    expect(inlineOf('***both***')).toEqual([em(strong(text('both')))]);
  });

  it('mixes _ and * emphasis', () => {
    expect(inlineOf('**bold _and italic_**')).toEqual([strong(text('bold '), em(text('and italic')))]);
  });

  it('spans emphasis across a soft line break', () => {
    expect(inlineOf('**bold\ncontinues**')).toEqual([strong(text('bold continues'))]);
  });

  it('keeps an unclosed ** literal', () => {
    expect(inlineOf('**not closed')).toEqual([text('**not closed')]);
  });

  it('keeps an unclosed * literal', () => {
    expect(inlineOf('*not closed')).toEqual([text('*not closed')]);
  });

  it('keeps a stray closer literal', () => {
    expect(inlineOf('closed only**')).toEqual([text('closed only**')]);
  });

  it('keeps the extra star of an unbalanced pair', () => {
    expect(inlineOf('**a*')).toEqual([text('*'), em(text('a'))]);
  });

  it('does not treat * surrounded by spaces as emphasis', () => {
    expect(inlineOf('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
  });

  it('does not open emphasis before a space', () => {
    expect(inlineOf('a * not italic*')).toEqual([text('a * not italic*')]);
  });

  it('keeps underscores inside words literal (snake_case)', () => {
    expect(inlineOf('file_name_here')).toEqual([text('file_name_here')]);
  });

  it('keeps placeholders with underscores as plain text', () => {
    expect(inlineOf('Under {national_use_of_force_law} in {country}')).toEqual([text('Under {national_use_of_force_law} in {country}')]);
  });

  it('keeps placeholders inside emphasis intact', () => {
    expect(inlineOf('*{national_use_of_force_law}*')).toEqual([em(text('{national_use_of_force_law}'))]);
  });

  it('allows * emphasis inside a word', () => {
    expect(inlineOf('un*frigging*believable')).toEqual([text('un'), em(text('frigging')), text('believable')]);
  });

  it('does not produce empty emphasis from ****', () => {
    expect(inlineOf('a **** b')).toEqual([text('a **** b')]);
  });

  it('applies the rule of three: *foo**bar**baz*', () => {
    expect(inlineOf('*foo**bar**baz*')).toEqual([em(text('foo'), strong(text('bar')), text('baz'))]);
  });
});

describe('parseMarkdown: links', () => {
  it('makes an https link', () => {
    expect(inlineOf('See [the guide](https://example.org/guide).')).toEqual([
      text('See '),
      link('https://example.org/guide', text('the guide')),
      text('.'),
    ]);
  });

  it('makes an http link', () => {
    expect(inlineOf('[local](http://localhost:8080/a)')).toEqual([link('http://localhost:8080/a', text('local'))]);
  });

  it('makes a mailto link', () => {
    expect(inlineOf('[write to us](mailto:training@example.org)')).toEqual([link('mailto:training@example.org', text('write to us'))]);
  });

  it('accepts an upper-case safe scheme', () => {
    expect(inlineOf('[x](HTTPS://EXAMPLE.ORG)')).toEqual([link('HTTPS://EXAMPLE.ORG', text('x'))]);
  });

  it('keeps a javascript: link as literal text', () => {
    expect(inlineOf('[click](javascript:alert(1))')).toEqual([text('[click](javascript:alert(1))')]);
  });

  it('keeps a JAVASCRIPT: link in capitals as literal text', () => {
    expect(inlineOf('[click](JAVASCRIPT:alert(1))')).toEqual([text('[click](JAVASCRIPT:alert(1))')]);
  });

  it('keeps a mixed-case JavaScript: link as literal text', () => {
    expect(inlineOf('[click](JaVaScRiPt:alert(1))')).toEqual([text('[click](JaVaScRiPt:alert(1))')]);
  });

  it('keeps a data: link as literal text', () => {
    expect(inlineOf('[x](data:text/html;base64,PHNjcmlwdD4=)')).toEqual([text('[x](data:text/html;base64,PHNjcmlwdD4=)')]);
  });

  it('keeps a vbscript: link as literal text', () => {
    expect(inlineOf('[x](vbscript:msgbox(1))')).toEqual([text('[x](vbscript:msgbox(1))')]);
  });

  it('keeps a file: link as literal text', () => {
    expect(inlineOf('[x](file:///etc/passwd)')).toEqual([text('[x](file:///etc/passwd)')]);
  });

  it('keeps a relative link as literal text', () => {
    expect(inlineOf('[x](../secrets.txt)')).toEqual([text('[x](../secrets.txt)')]);
  });

  it('keeps a protocol-relative link as literal text', () => {
    expect(inlineOf('[x](//evil.example)')).toEqual([text('[x](//evil.example)')]);
  });

  it('keeps an empty link target as literal text', () => {
    expect(inlineOf('[x]()')).toEqual([text('[x]()')]);
  });

  it('keeps the markup inside an unsafe link literal too', () => {
    expect(inlineOf('[**x**](javascript:void(0)) and *y*')).toEqual([text('[**x**](javascript:void(0)) and '), em(text('y'))]);
  });

  it('keeps a link with a space in its target as literal text', () => {
    expect(inlineOf('[x](https://a.example b)')).toEqual([text('[x](https://a.example b)')]);
  });

  it('does not accept "javascript:" hidden behind a tab', () => {
    expect(hasLink(inlineOf('[x](java\tscript:alert(1))'))).toBe(false);
  });

  it('allows brackets inside the link text', () => {
    expect(inlineOf('[see [1] here](https://example.org)')).toEqual([link('https://example.org', text('see [1] here'))]);
  });

  it('keeps an unmatched [ in front of a link as text', () => {
    expect(inlineOf('[a [b](https://example.org)')).toEqual([text('[a '), link('https://example.org', text('b'))]);
  });

  it('keeps balanced parentheses in the target', () => {
    expect(inlineOf('[Foo](https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([link('https://en.wikipedia.org/wiki/Foo_(bar)', text('Foo'))]);
  });

  it('parses emphasis inside the link text', () => {
    expect(inlineOf('[**read** *this*](https://example.org)')).toEqual([
      link('https://example.org', strong(text('read')), text(' '), em(text('this'))),
    ]);
  });

  it('allows a link inside emphasis', () => {
    expect(inlineOf('**see [the law](https://example.org)**')).toEqual([strong(text('see '), link('https://example.org', text('the law')))]);
  });

  it('does not nest a link inside another link', () => {
    expect(inlineOf('[a [b](https://b.example) c](https://a.example)')).toEqual([
      text('[a '),
      link('https://b.example', text('b')),
      text(' c](https://a.example)'),
    ]);
  });

  it('shows the target as the text of a link with empty text', () => {
    expect(inlineOf('[](https://example.org)')).toEqual([link('https://example.org', text('https://example.org'))]);
  });

  it('keeps a bracket without a target as text', () => {
    expect(inlineOf('[not a link] and [also not] (https://example.org)')).toEqual([text('[not a link] and [also not] (https://example.org)')]);
  });

  it('keeps a target without a closing parenthesis as text', () => {
    expect(inlineOf('[x](https://example.org')).toEqual([text('[x](https://example.org')]);
  });

  it('keeps emphasis that starts outside a link and ends inside it literal', () => {
    expect(inlineOf('*a [b* c](https://example.org)')).toEqual([text('*a '), link('https://example.org', text('b* c'))]);
  });

  it('leaves a bare URL as text', () => {
    expect(inlineOf('Visit https://example.org today')).toEqual([text('Visit https://example.org today')]);
  });
});

describe('parseMarkdown: hostile and odd input', () => {
  it('keeps HTML tags as plain text', () => {
    expect(inlineOf('<b>x</b>')).toEqual([text('<b>x</b>')]);
  });

  it('keeps an img tag with an event handler as plain text', () => {
    expect(inlineOf('<img src=x onerror=alert(1)>')).toEqual([text('<img src=x onerror=alert(1)>')]);
  });

  it('keeps a script tag as plain text', () => {
    expect(markdownToPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('keeps HTML entities as they were typed', () => {
    expect(inlineOf('&lt;b&gt; &amp;')).toEqual([text('&lt;b&gt; &amp;')]);
  });

  it('keeps a URL with quotes or angle brackets in its target as text', () => {
    expect(hasLink(inlineOf('[x](https://example.org/"onmouseover="alert(1))'))).toBe(false);
    expect(hasLink(inlineOf('[x](https://example.org/<script>)'))).toBe(false);
  });

  it('returns 20,000 stars unchanged as text', () => {
    const source = '*'.repeat(20_000);
    expect(parseMarkdown(source)).toEqual([paragraph(text(source))]);
  });

  it('returns 20,000 underscores unchanged as text', () => {
    const source = '_'.repeat(20_000);
    expect(markdownToPlainText(source)).toBe(source);
  });

  it('returns 10,000 opening brackets unchanged as text', () => {
    const source = '['.repeat(10_000);
    expect(parseMarkdown(source)).toEqual([paragraph(text(source))]);
  });

  it('returns many unterminated link targets unchanged as text', () => {
    const source = '[a]('.repeat(5_000);
    expect(markdownToPlainText(source)).toBe(source);
  });

  it('parses thousands of links in one paragraph', () => {
    const blocks = parseMarkdown('[a](https://example.org) '.repeat(1_000));
    const children = blocks[0]?.kind === 'paragraph' ? blocks[0].children : [];
    expect(children.filter((inline) => inline.kind === 'link')).toHaveLength(1_000);
  });

  it('caps the nesting depth of emphasis on hostile input and keeps every word', () => {
    const source = `${'*a '.repeat(5_000)}${'b*'.repeat(2_500)}`;
    const blocks = parseMarkdown(source);
    const children = blocks[0]?.kind === 'paragraph' ? blocks[0].children : [];
    expect(nestingDepth(children)).toBeLessThanOrEqual(12);
    const plain = markdownToPlainText(source);
    expect(plain.match(/a/g)).toHaveLength(5_000);
    expect(plain.match(/b/g)).toHaveLength(2_500);
  });

  it('caps the nesting depth for alternating * and _ delimiters', () => {
    const blocks = parseMarkdown(`${'*_'.repeat(5_000)}x${'_*'.repeat(5_000)}`);
    const children = blocks[0]?.kind === 'paragraph' ? blocks[0].children : [];
    expect(nestingDepth(children)).toBeLessThanOrEqual(12);
    expect(markdownToPlainText(`${'*_'.repeat(5_000)}x${'_*'.repeat(5_000)}`)).toContain('x');
  });

  it('still nests real texts to a few levels', () => {
    expect(inlineOf('***[x](https://example.org)***')).toEqual([em(strong(link('https://example.org', text('x'))))]);
  });

  it('copes with a mixture of brackets, stars and parentheses', () => {
    const source = '[*'.repeat(3_000) + '](*'.repeat(3_000) + ')'.repeat(3_000);
    expect(() => parseMarkdown(source)).not.toThrow();
    expect(hasLink(parseMarkdown(source).flatMap((block) => (block.kind === 'paragraph' ? block.children : block.items.flat())))).toBe(false);
  });

  it('keeps characters outside the Basic Multilingual Plane', () => {
    expect(inlineOf('*👮 police*')).toEqual([em(text('👮 police'))]);
  });
});

describe('markdownToPlainText', () => {
  it('returns an empty string for empty input', () => {
    expect(markdownToPlainText('')).toBe('');
  });

  it('drops emphasis markers', () => {
    expect(markdownToPlainText('**bold** and *italic* and _more_')).toBe('bold and italic and more');
  });

  it('keeps the link text and drops the target', () => {
    expect(markdownToPlainText('Read [the guide](https://example.org).')).toBe('Read the guide.');
  });

  it('keeps an unsafe link exactly as typed', () => {
    expect(markdownToPlainText('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))');
  });

  it('separates blocks with a blank line', () => {
    expect(markdownToPlainText('One\ntwo\n\nThree')).toBe('One two\n\nThree');
  });

  it('puts bullet items on their own lines with "- "', () => {
    expect(markdownToPlainText('* a\n* **b**')).toBe('- a\n- b');
  });

  it('numbers items from the list start', () => {
    expect(markdownToPlainText('Steps:\n\n3. c\n3. d\n\nDone.')).toBe('Steps:\n\n3. c\n4. d\n\nDone.');
  });

  it('keeps placeholders for a later step to fill', () => {
    expect(markdownToPlainText('The law of {country} ({national_use_of_force_law})')).toBe('The law of {country} ({national_use_of_force_law})');
  });

  it('normalises Windows line endings', () => {
    expect(markdownToPlainText('a\r\nb\r\n\r\nc')).toBe('a b\n\nc');
  });
});

describe('isSafeHref', () => {
  it.each(['https://example.org', 'https://example.org/path?q=1#top', 'http://localhost:3000/x', 'mailto:someone@example.org', 'HTTPS://EXAMPLE.ORG'])(
    'accepts %s',
    (href) => {
      expect(isSafeHref(href)).toBe(true);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the point of this case is that the insecure URL is refused
    'ftp://example.org',
    '//example.org',
    '/relative/path',
    'relative',
    '#anchor',
    '',
    'https:',
    'https:example.org',
    'https:///path',
    'mailto:',
    ' https://example.org',
    'https://example.org/a b',
    'https://example.org/\u0000',
    'https://example.org/"x',
    'https://example.org/<x>',
  ])('refuses %j', (href) => {
    expect(isSafeHref(href)).toBe(false);
  });
});
