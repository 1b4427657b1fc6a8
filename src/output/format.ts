/** Number formatting shared by the renderers. */
export function fixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return "n/a";
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

export function signed(x: number, digits: number): string {
  const s = fixed(x, digits);
  return x > 0 && s !== (0).toFixed(digits) ? `+${s}` : s;
}

export function percent(p: number, digits = 1): string {
  return `${fixed(100 * p, digits)}%`;
}

export function thousands(n: number): string {
  return n.toLocaleString("en-US");
}
