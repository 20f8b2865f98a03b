import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// The theme's one accent colour keeps WCAG AA contrast wherever it is used: as text and links
// on white and on the page's grey, as a button with white text (also when hovered or pressed),
// on its own light tint (selected states, focus), and as a focus ring or border (3:1).
const css = readFileSync(new URL('../../src/web/theme.css', import.meta.url), 'utf8');
const token = (name: string): string => {
  const m = new RegExp(`--${name}:\\s*([^;]+);`).exec(css);
  assert.ok(m, `theme.css has no --${name}`);
  const v = m[1].trim();
  const ref = /^var\(--([a-z0-9-]+)\)$/.exec(v);
  return ref ? token(ref[1]) : v;
};

/** Relative luminance and contrast ratio as WCAG 2.1 defines them. */
function luminance(hex: string): number {
  const [r, g, b] = hex
    .replace('#', '')
    .match(/../g)!
    .map((h) => parseInt(h, 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test('the WCAG formula gives the known extremes', () => {
  assert.equal(contrast('#000000', '#ffffff'), 21);
  assert.equal(contrast('#777777', '#777777'), 1);
  // #767676 on white is the well-known lightest grey that passes AA (4.54:1)
  assert.ok(Math.abs(contrast('#767676', '#ffffff') - 4.54) < 0.01);
});

test('the accent colour has AA contrast for text, buttons, selected states and focus rings', () => {
  const white = '#ffffff';
  const pageGrey = token('utrecht-color-grey-95');
  const pairs: [string, string, string, number][] = [
    ['link and secondary button text on white', token('ks-accent'), white, 4.5],
    ['link text on the page grey', token('ks-accent'), pageGrey, 4.5],
    ['primary button: white on the accent', white, token('voorbeeld-kleuren-violet-500'), 4.5],
    ['primary button hovered or pressed', white, token('voorbeeld-kleuren-violet-600'), 4.5],
    ['selected or focused: accent on its light tint', token('ks-accent'), token('ks-accent-100'), 4.5],
    ['focused text on the focus background', token('basis-focus-color'), token('basis-focus-background-color'), 4.5],
    ['focus ring on white', token('basis-focus-outline-color'), white, 3],
    ['button border on white', token('voorbeeld-kleuren-violet-400'), white, 3],
  ];
  for (const [what, fg, bg, min] of pairs)
    assert.ok(contrast(fg, bg) >= min, `${what}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
  // links and buttons draw on one accent: the example theme's blue and violet scales are the same
  assert.equal(token('voorbeeld-kleuren-blauw-500'), token('voorbeeld-kleuren-violet-500'));
  assert.equal(token('utrecht-link-color'), token('ks-accent'));
});
