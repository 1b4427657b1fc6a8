/** Finds the built chart runtime (dist/web/report-runtime.js) that every report inlines. Node only. */
import { readFileSync } from "node:fs";
import { packagePath } from "../../package-files.js";

/** dist/web/, where Vite puts the dashboard and the report runtime. */
export const WEB_DIST = packagePath("dist", "web", "/");
export const REPORT_RUNTIME = "report-runtime.js";

let cached: string | undefined;

/**
 * The chart runtime every HTML report inlines (built by `npm run build`). Node only.
 *
 * @example
 * writeFileSync("report.html", renderReport(data, readReportRuntime()));
 */
export function readReportRuntime(): string {
  if (cached !== undefined) return cached;
  try {
    cached = readFileSync(`${WEB_DIST}${REPORT_RUNTIME}`, "utf8");
  } catch {
    throw new Error(`the chart runtime ${WEB_DIST}${REPORT_RUNTIME} is missing: build it with "npm run build"`);
  }
  return cached;
}
