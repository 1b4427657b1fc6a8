/** The corruption and order studies as report sections (tables with captions). */
import type { CorruptionResult } from "../../analysis/corruption.js";
import type { StabilityResult } from "../../analysis/stability.js";
import { FIGURES } from "../format.js";
import type { StudySection } from "./data.js";

export function corruptionSection(r: CorruptionResult): StudySection {
  const rows = [...r.summary].sort((a, b) => a.meanAbsShift - b.meanAbsShift);
  return {
    id: "corruption",
    title: "Corruption study",
    caption:
      `How far a model falls when ${r.corrupt} of its benchmark scores are set to ${r.to === "zero" ? "zero" : "the field's worst"}: ` +
      `${r.trials} random choices for each of ${r.targets.length} models. ${r.definition}`,
    columns: ["Method", "Mean shift", "Mean |shift|", "Largest shift"],
    rows: rows.map((s) => [s.name, FIGURES.shift(s.meanShift), FIGURES.absShift(s.meanAbsShift), s.maxShift]),
    numeric: [false, true, true, true],
  };
}

export function stabilitySections(r: StabilityResult): StudySection[] {
  const harshest = r.spread[r.spread.length - 1];
  const out: StudySection[] = [];
  if (harshest) {
    const ms = [...harshest.models].sort((a, b) => a.planRank - b.planRank);
    out.push({
      id: "order",
      title: "Order of the rounds",
      caption: `E[S] at T = ${harshest.T} over ${r.orders.length} orders of the rounds. ${r.definition}`,
      columns: ["Model", "Plan rank", "E[S] (plan)", "Mean E[S]", "SD", "Rank range", "Plan percentile"],
      rows: ms.map((m) => [
        m.model,
        m.planRank,
        FIGURES.expected(m.planE),
        FIGURES.expected(m.meanE),
        FIGURES.expected(m.sdE),
        `${m.rankMin}-${m.rankMax}`,
        FIGURES.percentile(m.planPercentile),
      ]),
      numeric: [false, true, true, true, true, true, true],
    });
  }
  if (r.leaveOneOut) {
    const ms = [...r.leaveOneOut.methods].sort((a, b) => a.overall - b.overall);
    out.push({
      id: "leave-one-out",
      title: "Leave one benchmark out",
      caption: `Every method re-ranks with each of the ${r.leaveOneOut.benchmarks.length} benchmarks removed in turn: the mean over models of their mean |rank change|, and the largest change.`,
      columns: ["Method", "Mean |shift|", "Largest |shift|"],
      rows: ms.map((m) => [m.name, FIGURES.absShift(m.overall), Math.max(...m.maxAbsShift)]),
      numeric: [false, true, true],
    });
  }
  return out;
}
