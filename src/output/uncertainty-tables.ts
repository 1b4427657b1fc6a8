/** Text/Markdown sections for the bootstrap intervals and the signal-and-noise report. */

import type { BootstrapResult } from "../run/bootstrap.js";
import type { NoiseReport } from "../run/noise.js";
import { type Block, col, heading, noteLine, table, text } from "./document.js";
import { fixed, percent } from "./format.js";

export function uncertaintyBlocks(u: BootstrapResult): Block[] {
  const blocks: Block[] = [heading(`Uncertainty: ${u.resamples} bootstrap resamples`), text(u.definition)];
  for (const n of u.notes) blocks.push(text(noteLine(n)));
  for (const s of u.settings) {
    const ms = [...s.models].sort((a, b) => a.groupRank - b.groupRank || b.expectedScore - a.expectedScore);
    blocks.push(heading(`T = ${s.T}: intervals`));
    blocks.push(
      table([
        col(
          "Group rank",
          ms.map((m) => String(m.groupRank)),
        ),
        col(
          "Model",
          ms.map((m) => m.model),
          "left",
        ),
        col(
          "E[S]",
          ms.map((m) => fixed(m.expectedScore, 3)),
        ),
        col(
          "95% interval",
          ms.map((m) => `${fixed(m.low, 3)}-${fixed(m.high, 3)}`),
        ),
        col(
          "Rank 95%",
          ms.map((m) => `${m.rankLow}-${m.rankHigh}`),
        ),
      ]),
    );
    const sep = s.adjacent.filter((a) => a.separable).length;
    blocks.push(
      text(`Separable neighbours (P(upper above lower) >= 0.95): ${sep} of ${s.adjacent.length} (${percent(s.separableShare, 0)}).`),
    );
  }
  return blocks;
}

export function noiseBlocks(n: NoiseReport): Block[] {
  const rows = (cols: NoiseReport["rounds"], label: string) =>
    table([
      col(
        label,
        cols.map((c) => c.name),
        "left",
      ),
      col(
        "Models",
        cols.map((c) => String(c.models)),
      ),
      col(
        "Signal",
        cols.map((c) => fixed(c.signal, 3)),
      ),
      col(
        "Noise",
        cols.map((c) => fixed(c.noise, 4)),
      ),
      col(
        "SNR",
        cols.map((c) => fixed(c.snr, 1)),
      ),
      col(
        "Coin-flip share",
        cols.map((c) => percent(c.coinFlipShare, 0)),
      ),
      col(
        "Flag",
        cols.map((c) => (c.lowSignal ? "mostly noise" : "")),
        "left",
      ),
    ]);
  return [
    heading(`Signal and noise (standard errors: ${n.source})`),
    text(n.definition),
    ...n.notes.map((x) => text(noteLine(x))),
    rows(n.rounds, "Round"),
    text(""),
    rows(n.benchmarks, "Benchmark"),
  ];
}
