/** The script inlined into every HTML report: draws the charts from the report's own JSON. */
import { CHARTS_SCRIPT_ID, type ChartPayload } from "../../output/report/figures.js";
import { mountCharts } from "./charts.js";
import { enhanceTables } from "./tables.js";

enhanceTables(document);

const data = document.getElementById(CHARTS_SCRIPT_ID)?.textContent;
if (data) {
  const payload = JSON.parse(data) as ChartPayload[];
  mountCharts(document, payload, () => {
    document.documentElement.dataset.charts = String(payload.length);
  });
}
