/** --expert-cost: a human expert's USD per problem, for every benchmark or per benchmark. Pure. */
import { optionError } from "../table/option-names.js";

function amount(text: string, option: string, whole: string): number {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(n) || n < 0)
    throw optionError(option, `"${whole}" is not valid: expected USD per problem (a number >= 0), or BENCHMARK=USD,...`);
  return n;
}

/** "20" -> every benchmark at 20; "polyglot=20,gsm8k=2" -> those benchmarks (each must exist). */
export function parseExpertCost(text: string, benchmarks: readonly string[], option = "--expert-cost"): Map<string, number> {
  if (!text.includes("=")) return new Map(benchmarks.map((b) => [b, amount(text, option, text)]));
  const out = new Map<string, number>();
  for (const part of text.split(",")) {
    const at = part.lastIndexOf("=");
    const name = part.slice(0, at).trim();
    if (at < 0 || name === "") throw optionError(option, `"${part.trim()}" is not valid: expected BENCHMARK=USD`);
    if (!benchmarks.includes(name))
      throw optionError(option, `"${name}" is not a benchmark of this run (its benchmarks: ${benchmarks.join(", ")})`);
    if (out.has(name)) throw optionError(option, `"${name}" is given twice`);
    out.set(name, amount(part.slice(at + 1), option, text));
  }
  return out;
}
