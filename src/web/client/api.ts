/** The page's calls to its server. Every failure becomes a message the page can show as is. */
import type { DatasetsResponse, PrepareRequest, PrepareResponse } from "../shared/protocol.js";

async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`the server answered ${response.status} ${response.statusText}: ${text.slice(0, 200)}`);
  }
}

export async function getDatasets(): Promise<DatasetsResponse> {
  const response = await fetch("/api/datasets");
  if (!response.ok) throw new Error(`cannot list the datasets (HTTP ${response.status})`);
  return readJson<DatasetsResponse>(response);
}

/** Checks a table and settings on the server, exactly as the CLI would (files go as the bytes chosen). */
export async function prepare(request: PrepareRequest, files: { scores?: File; plan?: File }): Promise<PrepareResponse> {
  const form = new FormData();
  form.set("request", JSON.stringify(request));
  if (files.scores) form.set("scores", files.scores, files.scores.name);
  if (files.plan) form.set("plan", files.plan, files.plan.name);
  return readJson<PrepareResponse>(await fetch("/api/prepare", { method: "POST", body: form }));
}

/** The chart runtime a downloaded report inlines (built beside the page). */
export async function getReportRuntime(): Promise<string> {
  const response = await fetch("/report-runtime.js");
  if (!response.ok) throw new Error(`cannot load the report's chart runtime (HTTP ${response.status})`);
  return response.text();
}
