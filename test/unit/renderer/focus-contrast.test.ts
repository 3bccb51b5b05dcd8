import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '../../../renderer/src');
const CSS = readFileSync(join(RENDERER, 'styles/app.css'), 'utf8');
const STYLESHEETS = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));

/** The custom properties of the stylesheet's `:root` rule, by name (without the dashes). */
function rootProperties(css: string): Map<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return new Map([...root.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = Number.parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const vars = rootProperties(CSS);
const color = (name: string): string => {
  const value = vars.get(name);
  if (value === undefined) throw new Error(`--${name} is not defined in :root`);
  return value;
};

/** Where each focus ring is drawn: the page, panels, notices and error boxes; the sidebar has its own ring. */
const SURFACES: Record<string, readonly string[]> = {
  focus: ['canvas', 'paper', 'notice-bg', 'error-bg'],
  'focus-on-brand': ['brand'],
};

describe('focus rings', () => {
  it('checks real numbers: the old ring (#d97706) was 2.9:1 on the page and 2.7:1 on the sidebar', () => {
    expect(contrast('#d97706', '#f4f6f9')).toBeCloseTo(2.94, 2);
    expect(contrast('#d97706', '#1f4e79')).toBeCloseTo(2.72, 2);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it.each(Object.entries(SURFACES).flatMap(([ring, surfaces]) => surfaces.map((surface) => [ring, surface] as const)))(
    '--%s reaches 3:1 against --%s (WCAG 2.1, 1.4.11)',
    (ring, surface) => {
      expect(contrast(color(ring), color(surface))).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(STYLESHEETS)('are drawn with those two colours only in %s', (file) => {
    const css = readFileSync(join(RENDERER, file), 'utf8');
    // Every rule for a focused element that draws an outline (other outlines, such as a red one on an
    // invalid checkbox, are not focus rings).
    const rings = [...css.matchAll(/([^{}]*:focus[^{}]*)\{([^}]*)\}/g)].flatMap((rule) =>
      [...(rule[2] ?? '').matchAll(/outline(?:-color)?\s*:\s*([^;]+);/g)].map((m) => (m[1] ?? '').trim()).filter((v) => !/^(none|0)$/.test(v)),
    );
    for (const ring of rings) expect(ring).toMatch(/var\(--focus(-on-brand)?\)/);
  });
});
