/** A round upper bound for an axis: the first of 5, 10, 20, 25, 40, 50, 60, 80, 100 (× 10ⁿ) at or above `value`. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 4, 5, 6, 8, 10];
  const step = steps.find((s) => s * magnitude >= value - 1e-9) ?? 10;
  return step * magnitude;
}

/** A rough width of a text in pixels at the given font size (for laying out labels in SVG). */
export const textWidth = (text: string, fontSize = 12): number => text.length * fontSize * 0.56;

/** Splits a label into at most two lines of about `max` characters. */
export function twoLines(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const words = text.split(' ');
  let first = '';
  while (words.length && (first + ' ' + words[0]).trim().length <= max) first = `${first} ${words.shift()}`.trim();
  if (!first) first = words.shift() ?? '';
  const rest = words.join(' ');
  return rest ? [first, rest.length > max + 4 ? `${rest.slice(0, max + 2)}…` : rest] : [first];
}
