/** Charts to files without a browser: ECharts' server-side SVG renderer, then resvg for PNG. Node only. */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { xmlSafe } from "../escape.js";
import { textWidth } from "./text.js";
import { type ChartVariant, FILE_WIDTH } from "./types.js";

/**
 * ECharts' one-file CommonJS build: it loads in about 55 ms, where its ES module entry (hundreds of
 * small modules) takes about 300 ms, which was most of a `plot` command's time beyond `rank`.
 */
const echarts = createRequire(import.meta.url)("echarts") as typeof import("echarts");

// Without a canvas, ECharts guesses text widths narrower than the DejaVu Sans resvg draws with, so
// legends and labels it lays out itself could touch: it measures with the same table as the builders.
echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1] ?? 12);
    return { width: textWidth(text, size) };
  },
});

/** The chart as a standalone SVG document. */
export function renderSvg(variant: ChartVariant, width = FILE_WIDTH): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: Math.max(width, variant.width ?? 0),
    height: variant.height,
  });
  try {
    chart.setOption(variant.option);
    // ECharts escapes markup but not the control characters XML forbids (a model name may hold one).
    return xmlSafe(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** An SVG rasterised at `scale` (2 = sharp on high-density screens and in slides). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
