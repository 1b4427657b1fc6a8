/**
 * Chart figures: the markup (a placeholder the page's runtime fills, a view selector, the caption)
 * and the JSON payload of options the runtime reads. Markup and payload meet by chart id.
 */
import type { ChartSpec } from "../charts/types.js";
import { esc } from "./html.js";

/** Id of the inline JSON the runtime reads. */
export const CHARTS_SCRIPT_ID = "swissround-charts";

/** What the runtime needs per chart: the options of every view and their heights. */
export interface ChartPayload {
  id: string;
  initial: number;
  variants: { label: string; height: number; width?: number; option: unknown }[];
}

export function chartPayload(specs: readonly ChartSpec[]): ChartPayload[] {
  return specs.map((s) => ({ id: s.id, initial: s.initial, variants: s.variants.map((v) => ({ ...v })) }));
}

export function figureHtml(spec: ChartSpec): string {
  const v = spec.variants[spec.initial];
  const select =
    spec.variants.length > 1
      ? `<label class="view">View <select data-chart-select="${esc(spec.id)}">${spec.variants
          .map((x, i) => `<option value="${i}"${i === spec.initial ? " selected" : ""}>${esc(x.label)}</option>`)
          .join("")}</select></label>`
      : "";
  const minWidth = v.width ? `min-width:${v.width}px;` : "";
  return [
    `<figure class="chart" id="figure-${esc(spec.id)}">`,
    `<div class="chart-head"><h3>${esc(spec.title)}</h3>${select}</div>`,
    `<div class="chart-scroll"><div class="chart-canvas" data-chart="${esc(spec.id)}" style="height:${v.height}px;${minWidth}" role="img" aria-label="${esc(spec.title)}"></div></div>`,
    `<figcaption>${esc(spec.caption)}</figcaption>`,
    "</figure>",
  ].join("\n");
}
