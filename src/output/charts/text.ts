/**
 * Text widths without a browser, so that margins and label boxes are measured, not guessed. The table
 * is DejaVu Sans (the font resvg and a bare Linux Chromium fall back to), one of the widest sans fonts:
 * a label measured here fits in Arial, Helvetica or Inter too.
 */

/** Advance widths of ASCII 32..126 at a 100 px font (measured in Chromium with DejaVu Sans). */
const ASCII = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68,
  69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55,
  63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];

/** Wide (CJK, fullwidth, emoji) characters take a full em; anything else outside ASCII is taken as a digit's width. */
function advance(code: number): number {
  if (code >= 32 && code < 127) return ASCII[code - 32];
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)) return 100;
  if ((code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)) return 100;
  if (code >= 0x1f300) return 100;
  return 64;
}

/** Width in pixels of one line of text at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += advance(ch.codePointAt(0) as number);
  return (w * fontSize) / 100;
}

const ELLIPSIS = "\u2026";

/**
 * The text cut in the middle to fit `maxWidth` px: both ends stay (an organisation's prefix and a
 * model's size or "-Instruct" suffix are what tell Hugging Face names apart).
 */
export function middleEllipsis(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  const room = maxWidth - textWidth(ELLIPSIS, fontSize);
  let head = 0;
  let tail = 0;
  let used = 0;
  // Alternate ends, a little more of the tail: sizes and variants sit at the end of a name.
  for (;;) {
    const takeTail = tail <= head;
    const ch = takeTail ? chars[chars.length - 1 - tail] : chars[head];
    const w = textWidth(ch, fontSize);
    if (head + tail >= chars.length || used + w > room) break;
    used += w;
    if (takeTail) tail++;
    else head++;
  }
  return chars.slice(0, head).join("") + ELLIPSIS + chars.slice(chars.length - tail).join("");
}

/**
 * Short labels for a list of names, each at most `maxWidth` px and all distinct (a category axis
 * merges equal labels): a name whose short form repeats another's gets more room until they differ.
 */
export function shortNames(names: readonly string[], maxWidth: number, fontSize: number): string[] {
  const out = names.map((n) => middleEllipsis(n, maxWidth, fontSize));
  const seen = new Map<string, number>();
  out.forEach((s, i) => {
    let label = s;
    let width = maxWidth;
    while (seen.has(label) && label !== names[i]) {
      width += fontSize;
      label = middleEllipsis(names[i], width, fontSize);
    }
    // Identical names (never in a validated table) get a numbered suffix.
    if (seen.has(label)) label = `${label} (${i + 1})`;
    seen.set(label, i);
    out[i] = label;
  });
  return out;
}

/** Room for the widest of `labels` on a category axis: measured width plus the tick gap. */
export function labelRoomFor(labels: readonly string[], fontSize: number, min = 40): number {
  return Math.max(min, Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, fontSize))) + 14));
}
