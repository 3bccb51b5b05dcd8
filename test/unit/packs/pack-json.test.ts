import { describe, expect, it } from 'vitest';
import { canonicalJson, JsonContentError, nestsDeeperThan, parsePackJson, unsafeLinkScheme } from '../../../electron/services/packs/pack-json';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('nestsDeeperThan', () => {
  it.each([
    ['[]', 1, false],
    ['[[]]', 1, true],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
    // Brackets inside strings do not count, escaped quotes do not end the string.
    ['{"a":"[[[[[[[[["}', 1, false],
    ['{"a":"\\"[[[[[["}', 1, false],
    ['{"a":"\\\\"}', 1, false],
    ['{"a":"\\\\","b":[[1]]}', 2, true],
    ['"unterminated [[[[', 1, false],
  ] as const)('%s with at most %i levels: %s', (text, max, expected) => {
    expect(nestsDeeperThan(bytes(text), max)).toBe(expected);
  });

  it('is linear on long runs of backslashes and quotes', () => {
    const text = `["${'\\\\'.repeat(500_000)}", "${'\\"'.repeat(500_000)}"]`;
    const started = performance.now();
    expect(nestsDeeperThan(bytes(text), 1)).toBe(false);
    // Generous bound: a quadratic scan would take minutes here.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('unsafeLinkScheme', () => {
  it.each([
    'Plain text without links.',
    'Time: 10:30. Personal data: names and addresses.',
    'See https://www.ohchr.org/en and http://example.org.',
    'Write to mailto:training@example.org or [us](mailto:a@b.org).',
    'A [link](https://example.org/a_(b)) in Markdown.',
    'urn:isbn:92-1-154 and note:this',
    'Article 5: no one shall be subjected to torture.',
    'Ratio 3:1, version 2.0:beta, C3:x',
    'A relative [link](#section) stays text.',
  ])('accepts %j', (text) => {
    expect(unsafeLinkScheme(text)).toBeNull();
  });

  it.each([
    ['[x](javascript:alert(1))', 'javascript'],
    ['[x](  JavaScript:alert(1))', 'javascript'],
    ['[x](<vbscript:msgbox(1)>)', 'vbscript'],
    ['[x](tel:+41 22)', 'tel'],
    ['[x](ftp://example.org)', 'ftp'],
    ['javascript:alert(1)', 'javascript'],
    ['open data:text/html,<script>', 'data'],
    ['see file:///etc/passwd', 'file'],
    ['\\\\server is smb://server/share', 'smb'],
    ['ms-msdt:/id PCWDiagnostic', 'ms-msdt'],
    ['search-ms:query=x', 'search-ms'],
    ['(javascript:void(0))', 'javascript'],
  ])('refuses %j (%s)', (text, scheme) => {
    expect(unsafeLinkScheme(text)).toBe(scheme);
  });
});

describe('parsePackJson', () => {
  const refusal = (text: string | Buffer) => {
    try {
      parsePackJson('x.json', typeof text === 'string' ? bytes(text) : text, 64);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(JsonContentError);
      return (error as Error).message;
    }
  };

  it('parses valid JSON and drops a UTF-8 byte order mark', () => {
    expect(parsePackJson('x.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"a":[1,"é"]}')]), 64)).toEqual({ a: [1, 'é'] });
  });

  it('accepts characters outside the BMP (surrogate pairs) and allowed whitespace', () => {
    expect(parsePackJson('x.json', bytes('{"a":"\\ud83d\\ude00 😀\\t\\n\\r"}'), 64)).toEqual({ a: '😀 😀\t\n\r' });
  });

  it.each([
    ['{"a":"\\u0000"}', 'x.json has a character that is not allowed (U+0000) at a.'],
    ['{"a":["ok","\\uffff"]}', 'x.json has a character that is not allowed (U+FFFF) at a.1.'],
    ['{"a":"\uFFFE"}', 'x.json has a character that is not allowed (U+FFFE) at a.'],
    ['{"a":"\\udc00"}', 'x.json has a character that is not allowed (U+DC00) at a.'],
    ['{"a":{"prototype":{}}}', 'x.json has the forbidden key "prototype" at a.'],
    ['[{"constructor":[]}]', 'x.json has the forbidden key "constructor" at 0.'],
    ['{"a":{"__proto__":"text"}}', 'x.json has the forbidden key "__proto__" at a.'],
    ['"javascript:x"', 'x.json has a link with the scheme "javascript:" at the top level; only http, https and mailto links are allowed.'],
    ['{"a":1,}', 'x.json is not valid JSON.'],
    ['', 'x.json is not valid JSON.'],
  ])('refuses %j', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('accepts "constructor" and "prototype" holding text or numbers: placeholder names are data', () => {
    expect(parsePackJson('x.json', bytes('{"placeholders":{"constructor":"Ruritania","prototype":"1"},"n":{"constructor":1}}'), 64)).toEqual({
      placeholders: { constructor: 'Ruritania', prototype: '1' },
      n: { constructor: 1 },
    });
  });

  it('refuses bytes that are not UTF-8, such as Latin-1 or overlong encodings', () => {
    expect(refusal(Buffer.from('{"a":"caf\xe9"}', 'latin1'))).toBe('x.json is not valid UTF-8 text.');
    expect(refusal(Buffer.from([0x22, 0xc0, 0xaf, 0x22]))).toBe('x.json is not valid UTF-8 text.');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  it('keeps a "__proto__" key a plain key instead of setting a prototype', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true}}') as unknown;
    expect(canonicalJson(value)).toBe('{\n  "__proto__": {\n    "polluted": true\n  }\n}\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
