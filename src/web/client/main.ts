/**
 * The dashboard: pick or drop a table, set T, N, seed and mode, reorder rounds. Every change is
 * checked by the server (the CLI's own checks) and simulated in a Web Worker with the CLI's engine.
 */

import type { ReportData } from "../../output/report/data.js";
import { REPORT_CSS } from "../../output/report/style.js";
import type { Round } from "../../plan/plan.js";
import { DUPLICATE_POLICIES } from "../../table/duplicates.js";
import { MISSING_POLICIES } from "../../table/missing.js";
import type { DashboardSettings, DatasetInfo, PrepareRequest } from "../shared/protocol.js";
import { getDatasets, prepare } from "./api.js";
import "./dashboard.css";
import { byId, debounce } from "./dom.js";
import { onFiles, sortFiles } from "./loader.js";
import { downloadCsv, downloadJson, downloadReport, showResults } from "./results.js";
import { roundList } from "./rounds.js";
import { simulate } from "./simulation.js";

const style = document.createElement("style");
style.textContent = REPORT_CSS;
document.head.append(style);

const el = {
  dataset: byId<HTMLSelectElement>("dataset"),
  file: byId<HTMLInputElement>("file"),
  drop: byId("drop"),
  source: byId("source"),
  form: byId<HTMLFormElement>("settings"),
  T: byId<HTMLInputElement>("T"),
  runs: byId<HTMLInputElement>("runs"),
  seed: byId<HTMLInputElement>("seed"),
  elimination: byId<HTMLSelectElement>("elimination"),
  missing: byId<HTMLSelectElement>("missing"),
  duplicates: byId<HTMLSelectElement>("duplicates"),
  rounds: byId<HTMLOListElement>("rounds"),
  resetRounds: byId<HTMLButtonElement>("reset-rounds"),
  status: byId("status"),
  progress: byId<HTMLProgressElement>("progress"),
  error: byId<HTMLPreElement>("error"),
  results: byId("results"),
  dlReport: byId<HTMLButtonElement>("dl-report"),
  dlJson: byId<HTMLButtonElement>("dl-json"),
  dlCsv: byId<HTMLButtonElement>("dl-csv"),
};

interface State {
  source: PrepareRequest["source"];
  /** The table the user chose (source "upload"). */
  upload?: File;
  sourceLabel: string;
  /** A plan file the user chose. */
  plan?: File;
  /** The rounds as reordered here; undefined = the plan's own order. */
  order?: Round[];
  maxUploadBytes: number;
  shown?: ReportData;
}

const state: State = { source: { dataset: "bundled" }, sourceLabel: "", maxUploadBytes: 16 * 1_048_576 };
/** Each refresh gets a number; answers to older ones are dropped. */
let generation = 0;

function setStatus(text: string, kind: "idle" | "running" | "done" | "error"): void {
  el.status.textContent = text;
  el.status.dataset.state = kind;
}

function showError(message: string | undefined): void {
  el.error.hidden = message === undefined;
  el.error.textContent = message ?? "";
  // The message sits at the top of the results: bring it into view.
  if (message !== undefined) window.scrollTo({ top: 0 });
  el.results.classList.toggle("stale", message !== undefined && state.shown !== undefined);
}

function settings(): DashboardSettings {
  return {
    T: el.T.value.trim(),
    runs: el.runs.value.trim(),
    seed: el.seed.value.trim(),
    elimination: el.elimination.value === "script" ? "script" : "paper",
    missing: MISSING_POLICIES.find((p) => p === el.missing.value) ?? "error",
    duplicates: DUPLICATE_POLICIES.find((p) => p === el.duplicates.value) ?? "error",
  };
}

/** A start-up dataset brings the table policies `serve` was given for it. */
function showPolicies(info: DatasetInfo | undefined): void {
  if (!info) return;
  el.missing.value = info.missing;
  el.duplicates.value = info.duplicates;
}

function planFile(): File | undefined {
  if (state.order) return new File([JSON.stringify({ rounds: state.order })], "dashboard-order.rounds.json", { type: "application/json" });
  return state.plan;
}

const rounds = roundList(el.rounds, (order) => {
  state.order = order;
  el.resetRounds.hidden = false;
  void refresh();
});

/** Checks and simulates the current choice; false when the server refused the input. */
async function refresh(): Promise<boolean> {
  const mine = ++generation;
  setStatus("Checking the input…", "running");
  el.progress.value = 0;
  try {
    const answer = await prepare({ source: state.source, settings: settings() }, { scores: state.upload, plan: planFile() });
    if (mine !== generation) return true;
    if (!answer.ok) {
      showError(answer.error);
      setStatus("The input has a problem: see the message below. The results shown are from the last good run.", "error");
      return false;
    }
    showError(undefined);
    const run = answer.run;
    if (!state.order) rounds.show(run.config.plan.rounds);
    const total = run.config.runs * run.config.settings.length;
    setStatus(`Simulating ${total.toLocaleString("en-US")} contests…`, "running");
    const sim = await simulate(
      run,
      (done, all) => {
        el.progress.value = done / all;
        setStatus(`Simulating: ${Math.floor((100 * done) / all)}% of ${all.toLocaleString("en-US")} contests`, "running");
      },
      () => setStatus("Ranking by the other methods for the comparison…", "running"),
    );
    if (!sim || mine !== generation) return true;
    state.shown = showResults(el.results, run, sim);
    // A count of finished runs: lets a test (or a user script) wait for the next result.
    el.status.dataset.runs = String(Number(el.status.dataset.runs ?? "0") + 1);
    for (const b of [el.dlReport, el.dlJson, el.dlCsv]) b.disabled = false;
    el.progress.value = 1;
    setStatus(
      `Done: ${state.sourceLabel}, ${run.config.input.models.length} models, ${run.config.plan.rounds.length} rounds, ` +
        `N = ${run.config.runs.toLocaleString("en-US")} x ${run.config.settings.length} settings in ${sim.seconds.toFixed(1)} s`,
      "done",
    );
    return true;
  } catch (e) {
    if (mine === generation) {
      showError(e instanceof Error ? e.message : String(e));
      setStatus("Something went wrong: see the message below.", "error");
    }
    return true;
  }
}

/** A table the server refused: a change of the settings (say, a --duplicates policy) tries it again. */
let refused: { source: PrepareRequest["source"]; label: string; upload?: File; plan?: File } | undefined;

/** Switches to another table; if the server refuses it, the previous one stays in use. */
async function useSource(source: PrepareRequest["source"], label: string, upload?: File, plan?: File): Promise<void> {
  const previous = { source: state.source, upload: state.upload, sourceLabel: state.sourceLabel, plan: state.plan, order: state.order };
  Object.assign(state, { source, upload, sourceLabel: label, plan, order: undefined });
  refused = undefined;
  if (await refresh()) {
    el.resetRounds.hidden = true;
    el.source.textContent = `Showing: ${label}${plan ? ` with ${plan.name}` : ""}`;
    showInDatasetList(source, label, upload, plan);
  } else {
    refused = { source, label, upload, plan };
    if (state.shown) Object.assign(state, previous);
  }
}

/** The dataset list's entry for the latest upload (a page without one has none). */
const UPLOAD_OPTION = "__upload";
let lastUpload: { label: string; upload?: File; plan?: File } | undefined;

/** The dataset list shows what the page shows: after an upload, an "Uploaded: NAME" entry, selected. */
function showInDatasetList(source: PrepareRequest["source"], label: string, upload?: File, plan?: File): void {
  if (source !== "upload") {
    el.dataset.value = source.dataset;
    return;
  }
  lastUpload = { label, upload, plan };
  let option = [...el.dataset.options].find((o) => o.value === UPLOAD_OPTION);
  if (!option) {
    option = new Option("", UPLOAD_OPTION);
    el.dataset.add(option, 0);
  }
  option.text = `Uploaded: ${label}`;
  el.dataset.value = UPLOAD_OPTION;
}

/** After a change of the settings: the refused table if there is one, else the current one again. */
function settingsChanged(): void {
  if (refused) void useSource(refused.source, refused.label, refused.upload, refused.plan);
  else void refresh();
}

async function start(): Promise<void> {
  const info = await getDatasets();
  state.maxUploadBytes = info.maxUploadBytes;
  el.dataset.replaceChildren(...info.datasets.map((d) => new Option(d.label, d.id, false, d.id === info.initial)));
  el.dataset.addEventListener("change", () => {
    if (el.dataset.value === UPLOAD_OPTION) {
      if (lastUpload) void useSource("upload", lastUpload.label, lastUpload.upload, lastUpload.plan);
      return;
    }
    showPolicies(info.datasets.find((d) => d.id === el.dataset.value));
    void useSource({ dataset: el.dataset.value }, el.dataset.selectedOptions[0]?.text ?? el.dataset.value);
  });
  onFiles(el.file, el.drop, (files) => {
    sortFiles(files, state.maxUploadBytes)
      .then((loaded) => {
        if (loaded.scores) void useSource("upload", loaded.scores.name, loaded.scores, loaded.plan);
        else if (loaded.plan) void useSource(state.source, state.sourceLabel, state.upload, loaded.plan);
      })
      .catch((e: unknown) => {
        showError(e instanceof Error ? e.message : String(e));
        setStatus("The file was not loaded: see the message below.", "error");
      });
  });
  const later = debounce(settingsChanged, 500);
  el.form.addEventListener("input", later);
  el.form.addEventListener("submit", (e) => {
    e.preventDefault();
    settingsChanged();
  });
  el.resetRounds.addEventListener("click", () => {
    state.order = undefined;
    el.resetRounds.hidden = true;
    void refresh();
  });
  el.dlReport.addEventListener("click", () => state.shown && void downloadReport(state.shown));
  el.dlJson.addEventListener("click", () => state.shown && downloadJson(state.shown));
  el.dlCsv.addEventListener("click", () => state.shown && downloadCsv(state.shown));
  showPolicies(info.datasets.find((d) => d.id === info.initial));
  await useSource({ dataset: info.initial }, info.datasets.find((d) => d.id === info.initial)?.label ?? info.initial);
}

start().catch((e: unknown) => {
  showError(e instanceof Error ? e.message : String(e));
  setStatus("The dashboard could not start.", "error");
});
