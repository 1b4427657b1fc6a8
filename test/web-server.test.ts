import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Hono } from "hono";
import { compareRankings } from "../src/analysis/compare.js";
import { WEB_DIST } from "../src/output/report/runtime-file.js";
import { playRun } from "../src/run/pipeline-core.js";
import { prepareRank } from "../src/run/rank.js";
import { assembleResult, type RankResult } from "../src/run/result.js";
import { simulateRun, simulatorHere } from "../src/run/simulate-here.js";
import { playFlatTwins } from "../src/run/twins.js";
import { createApp } from "../src/web/server/app.js";
import { loadAssets } from "../src/web/server/assets.js";
import { bundledDataset, fileDataset } from "../src/web/server/datasets.js";
import { forThePage, prepareForDashboard, safeName } from "../src/web/server/prepare.js";
import { withServerBootstrap } from "../src/web/shared/bootstrap.js";
import { PAGE_COMPARE_MODELS } from "../src/web/shared/limits.js";
import type { DashboardSettings, PreparedRun, PrepareResponse } from "../src/web/shared/protocol.js";
import { decodeRoundScores, decodeTable, encodeRoundScores, encodeTable } from "../src/web/shared/wire.js";
import { ROOT } from "./helpers.js";
import { CLI, FIXTURES, OC, OC_PLAN } from "./report-fixture.js";

const SETTINGS: DashboardSettings = { T: "0,1,2", runs: "3000", seed: "11", elimination: "paper" };
const LIMIT = 4096;
const HOST = { host: "127.0.0.1:8787" };

function form(request: unknown, files: Record<string, [string, string]> = {}): FormData {
  const f = new FormData();
  f.set("request", JSON.stringify(request));
  for (const [field, [name, text]] of Object.entries(files)) f.set(field, new File([text], name));
  return f;
}

async function prepare(app: Hono, body: FormData): Promise<{ status: number; answer: PrepareResponse }> {
  const r = await app.request("/api/prepare", { method: "POST", body, headers: HOST });
  return { status: r.status, answer: (await r.json()) as PrepareResponse };
}

function cliError(file: string): string {
  const r = spawnSync(process.execPath, [CLI, "rank", file], { encoding: "utf8", cwd: FIXTURES });
  assert.equal(r.status, 2);
  return r.stderr.replace(/^swissround: error: /, "").trimEnd();
}

describe("the dashboard server", () => {
  const app = createApp({
    assets: loadAssets(WEB_DIST),
    datasets: [bundledDataset()],
    maxUploadBytes: LIMIT,
    allowedHosts: ["127.0.0.1", "localhost", "[::1]"],
  });

  it("serves the built page from memory, with a strict content security policy", async () => {
    const r = await app.request("/", { headers: HOST });
    assert.equal(r.status, 200);
    assert.match(await r.text(), /<title>swissround dashboard<\/title>/);
    assert.match(r.headers.get("content-security-policy") ?? "", /default-src 'self'; script-src 'self'/);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    const runtime = await app.request("/report-runtime.js", { headers: HOST });
    assert.equal(runtime.status, 200);
    assert.match(runtime.headers.get("content-type") ?? "", /javascript/);
  });

  it("no request path reaches the file system: traversal, absolute and encoded paths are 404", async () => {
    for (const path of [
      "/../package.json",
      "/..%2f..%2fpackage.json",
      "/%2e%2e/%2e%2e/package.json",
      "//etc/passwd",
      "/assets/../../src/index.ts",
      "/index.html/../../../package.json",
    ]) {
      const r = await app.request(path, { headers: HOST });
      assert.notEqual(r.status, 200, path);
      assert.doesNotMatch(await r.text(), /"name": "swissround"|root:/, path);
    }
  });

  it("answers only to loopback host names (no DNS rebinding)", async () => {
    assert.equal((await app.request("/api/datasets", { headers: { host: "attacker.example:8787" } })).status, 403);
    assert.equal((await app.request("/api/datasets", { headers: { host: "localhost:1234" } })).status, 200);
  });

  it("refuses a state-changing request from another site's page (Origin, Sec-Fetch-Site): 403", async () => {
    const body = () => form({ source: { dataset: "bundled" }, settings: SETTINGS });
    for (const headers of [
      { ...HOST, origin: "https://attacker.example" },
      { ...HOST, origin: "http://127.0.0.1:9999" },
      { ...HOST, "sec-fetch-site": "cross-site" },
    ]) {
      const r = await app.request("/api/prepare", { method: "POST", body: body(), headers });
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.match(((await r.json()) as { error: string }).error, /cross-origin request refused/);
    }
    // The page's own origin, and a client that is not a browser (no Origin), are served.
    for (const headers of [{ ...HOST, origin: "http://127.0.0.1:8787", "sec-fetch-site": "same-origin" }, HOST]) {
      const r = await app.request("/api/prepare", { method: "POST", body: body(), headers });
      assert.equal(r.status, 200, JSON.stringify(headers));
    }
  });

  it("prepares tables off the event loop, within a time limit: the server answers meanwhile", async () => {
    // A table big enough to take a while to read and check (2,000 models x 100 benchmarks).
    const rows = Array.from(
      { length: 2000 },
      (_, m) => `m${m},${Array.from({ length: 100 }, (_, b) => ((m * 7 + b * 13) % 97) + 0.5).join(",")}`,
    );
    const big = `model,${Array.from({ length: 100 }, (_, b) => `b${b}`).join(",")}\n${rows.join("\n")}\n`;
    const roomy = createApp({
      assets: loadAssets(WEB_DIST),
      datasets: [bundledDataset()],
      maxUploadBytes: big.length + 1,
      allowedHosts: ["127.0.0.1", "localhost", "[::1]"],
    });
    const order: string[] = [];
    const slow = prepare(roomy, form({ source: "upload", settings: { ...SETTINGS, runs: "100" } }, { scores: ["big.csv", big] })).then(
      (r) => {
        order.push("prepare");
        return r;
      },
    );
    // Asked 50 ms into the preparation: a preparation on the event loop would hold this timer until it ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const quick = Promise.resolve(roomy.request("/api/datasets", { headers: HOST })).then((r) => {
      order.push("datasets");
      return r;
    });
    assert.equal((await quick).status, 200);
    const done = await slow;
    assert.equal(done.status, 200, JSON.stringify(done.answer).slice(0, 300));
    assert.deepEqual(order, ["datasets", "prepare"]);
    const hasty = createApp({
      assets: loadAssets(WEB_DIST),
      datasets: [bundledDataset()],
      maxUploadBytes: LIMIT,
      allowedHosts: ["127.0.0.1", "localhost", "[::1]"],
      prepareTimeoutMs: 1,
    });
    const stopped = await prepare(hasty, form({ source: { dataset: "bundled" }, settings: SETTINGS }));
    assert.equal(stopped.status, 503);
    assert.ok(!stopped.answer.ok);
    assert.match(stopped.answer.error, /preparing the table took longer than 0 s and was stopped/);
  });

  it("lists the datasets and the upload limit", async () => {
    const r = await app.request("/api/datasets", { headers: HOST });
    assert.deepEqual(await r.json(), {
      datasets: [{ id: "bundled", label: "OpenCompass 2024-08-29 (bundled)", missing: "error", duplicates: "error" }],
      initial: "bundled",
      maxUploadBytes: LIMIT,
    });
  });

  it("prepares the bundled data exactly as rank prepares it (configuration, notes, round scores)", async () => {
    const { status, answer } = await prepare(app, form({ source: { dataset: "bundled" }, settings: SETTINGS }));
    assert.equal(status, 200);
    assert.ok(answer.ok);
    const cli = prepareRank(OC, { rounds: OC_PLAN, T: "0,1,2", runs: 3000, seed: 11 });
    const shown = (s: string) => s.split(join(ROOT, "data/")).join("");
    assert.deepEqual(answer.run.config, JSON.parse(shown(JSON.stringify(cli.config))));
    assert.deepEqual(answer.run.notes, cli.notes.map(shown));
    assert.deepEqual(decodeRoundScores(answer.run.roundScores), cli.roundScores);
  });

  it("a bad upload gets the CLI's message, naming the user's file", async () => {
    for (const file of ["bad-values.csv", "bad-ragged.csv", "bad-truncated.json", "bad-missing.csv"]) {
      const { status, answer } = await prepare(
        app,
        form({ source: "upload", settings: SETTINGS }, { scores: [file, readFileSync(join(FIXTURES, file), "utf8")] }),
      );
      assert.equal(status, 400, file);
      assert.ok(!answer.ok);
      assert.equal(answer.error, forThePage(cliError(file)), file);
    }
  });

  it("bad settings get the CLI's checks", async () => {
    const { answer } = await prepare(app, form({ source: { dataset: "bundled" }, settings: { ...SETTINGS, T: "0,99" } }));
    assert.ok(!answer.ok);
    assert.match(answer.error, /T = 99 would eliminate the whole field of 35 models/);
    const runs = await prepare(app, form({ source: { dataset: "bundled" }, settings: { ...SETTINGS, runs: "many" } }));
    assert.ok(!runs.answer.ok);
    assert.match(runs.answer.error, /^N: "many" is not valid/);
    const policy = await prepare(app, form({ source: { dataset: "bundled" }, settings: { ...SETTINGS, missing: "ignore" } }));
    assert.equal(policy.status, 400, "a policy rank does not know is refused");
  });

  it("the page's --duplicates and --missing choices apply as in rank", async () => {
    const text = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
    const dup = await prepare(app, form({ source: "upload", settings: SETTINGS }, { scores: ["dup-six.csv", text("dup-six.csv")] }));
    assert.ok(!dup.answer.ok);
    assert.equal(dup.answer.error, forThePage(cliError("dup-six.csv")));
    // The page's words, not the command line's: a browser user has a setting, not a flag.
    assert.doesNotMatch(dup.answer.error, /--duplicates/);
    assert.match(dup.answer.error, /the "Duplicate models" setting \(first, best, mean, suffix\)/);
    for (const [file, settings, flag] of [
      ["dup-six.csv", { ...SETTINGS, duplicates: "mean" }, ["--duplicates", "mean"]],
      ["gaps-six.csv", { ...SETTINGS, missing: "available-mean" }, ["--missing", "available-mean"]],
    ] as const) {
      const { answer } = await prepare(app, form({ source: "upload", settings }, { scores: [file, text(file)] }));
      assert.ok(answer.ok, file);
      const cli = prepareRank(join(FIXTURES, file), { T: "0,1,2", runs: 3000, seed: 11, [flag[0].slice(2)]: flag[1] });
      assert.deepEqual(answer.run.roundScores.values, encodeRoundScores(cli.roundScores).values, file);
      assert.deepEqual(answer.run.config.input.models, cli.config.input.models, file);
    }
  });

  it("uploads over the limit are refused with a clear message, before parsing", async () => {
    const big = `model,a\n${"m,1\n".repeat(LIMIT)}`;
    const { status, answer } = await prepare(app, form({ source: "upload", settings: SETTINGS }, { scores: ["big.csv", big] }));
    assert.equal(status, 413);
    assert.ok(!answer.ok);
    assert.match(answer.error, /the dashboard accepts (files )?up to 0\.00 MB|larger than the dashboard accepts/);
  });

  it("an upload's name is a label: no directory part survives, nothing is left behind", async () => {
    assert.equal(safeName("../../etc/passwd"), "passwd");
    assert.equal(safeName("..\\..\\x.csv"), "x.csv");
    assert.equal(safeName(".."), "upload");
    assert.equal(safeName("a<b>|c.csv"), "a_b__c.csv");
    const { answer } = await prepare(
      app,
      form(
        { source: "upload", settings: SETTINGS },
        { scores: ["../../bad-values.csv", readFileSync(join(FIXTURES, "bad-values.csv"), "utf8")] },
      ),
    );
    assert.ok(!answer.ok);
    assert.equal(answer.error, forThePage(cliError("bad-values.csv")));
  });

  it("malformed requests and unknown datasets are refused", async () => {
    const bad = new FormData();
    bad.set("request", "{nope");
    assert.equal((await prepare(app, bad)).status, 400);
    assert.equal((await prepare(app, form({ source: { dataset: "../../etc" }, settings: SETTINGS }))).status, 404);
    assert.equal((await prepare(app, form({ source: "upload", settings: SETTINGS }))).status, 400);
  });
});

describe("the dashboard's simulation", () => {
  it("gives the CLI's numbers and labels for the same N and seed (same chunk seeds), from the same engine", async () => {
    const run: PreparedRun = prepareForDashboard({ ...bundledDataset(), settings: SETTINGS });
    const rs = decodeRoundScores(run.roundScores);
    const tallies = simulateRun(run.config, rs);
    // The page's worker plays the flat twins in its own thread; the CLI on worker threads: the same figures.
    const page = assembleResult(run.config, tallies, run.notes, playFlatTwins(run.config, rs));
    const r = spawnSync(
      process.execPath,
      [CLI, "rank", OC, "--rounds", OC_PLAN, "--runs", "3000", "--seed", "11", "--format", "json", "-q"],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    const cli = JSON.parse(r.stdout) as {
      results: { models: { model: string; expectedScore: number; standardError: number }[] }[];
      sensitivity: { models: { model: string; label: string; profileEffect: number }[] };
    };
    assert.deepEqual(
      page.sensitivity?.models.map((m) => [m.model, m.label, m.profileEffect]),
      cli.sensitivity.models.map((m) => [m.model, m.label, m.profileEffect]),
    );
    page.results.forEach((res, i) => {
      assert.deepEqual(
        res.models.map((m) => [m.model, m.expectedScore, m.standardError]),
        cli.results[i].models.map((m) => [m.model, m.expectedScore, m.standardError]),
      );
    });
  });
});

describe("the dashboard's method comparison", () => {
  it("the table the page gets ranks exactly like the CLI's own table, missing cells included", () => {
    const run: PreparedRun = prepareForDashboard({ ...bundledDataset(), settings: SETTINGS });
    assert.ok(run.table, "a field of 35 models gets its table for the comparison");
    const page = assembleResult(run.config, simulateRun(run.config, decodeRoundScores(run.roundScores)), run.notes);
    const cli = prepareRank(OC, { rounds: OC_PLAN, runs: 3000, seed: 11 });
    const fromPage = compareRankings(
      {
        table: decodeTable(run.table, run.config.input.file),
        plan: run.config.plan,
        roundScores: decodeRoundScores(run.roundScores),
        rank: page,
      },
      { seed: 11 },
    );
    const fromCli = compareRankings({ table: cli.table, plan: cli.plan, roundScores: cli.roundScores, rank: page }, { seed: 11 });
    assert.deepEqual(fromPage.methods, fromCli.methods);
    assert.deepEqual(fromPage.tailRisk, fromCli.tailRisk);
    assert.deepEqual(fromPage.agreement, fromCli.agreement);
    // NaN (a missing cell) survives the JSON trip.
    const gappy = encodeTable({ ...cli.table, scores: Float64Array.from(cli.table.scores, (v, i) => (i === 3 ? Number.NaN : v)) });
    assert.ok(Number.isNaN(decodeTable(JSON.parse(JSON.stringify(gappy)), "x").scores[3]));
  });

  it("a field over the page's limit gets no table, and the reason instead", () => {
    const header = "model,a,b";
    const lines = Array.from({ length: PAGE_COMPARE_MODELS + 1 }, (_, i) => `m${i},${(i * 7) % 100},${(i * 13) % 100}`);
    const bytes = new TextEncoder().encode([header, ...lines].join("\n"));
    const run = prepareForDashboard({ scores: { upload: { name: "big.csv", bytes } }, settings: SETTINGS });
    assert.equal(run.table, undefined);
    assert.match(run.comparisonOmitted ?? "", /left out above 300 models \(this field has 301\)/);
  });
});

describe("swissround serve", () => {
  let child: ChildProcess;
  let url = "";
  before(async () => {
    child = spawn(process.execPath, [CLI, "serve", "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /dashboard at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
  });
  after(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("listens on loopback, prints the URL, and stops cleanly on SIGINT", async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(`${url}api/datasets`);
    assert.equal(r.status, 200);
    const stderr: string[] = [];
    child.stderr?.on("data", (d: Buffer) => stderr.push(d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", (c) => resolve(c));
      child.kill("SIGINT");
    });
    assert.equal(code, 0);
    assert.match(stderr.join(""), /stopping the dashboard/);
  });

  it("checks its table before listening: bad input is exit 2 with rank's message", () => {
    const r = spawnSync(process.execPath, [CLI, "serve", "bad-values.csv", "--port", "0"], {
      encoding: "utf8",
      cwd: FIXTURES,
      timeout: 10_000,
    });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, spawnSync(process.execPath, [CLI, "rank", "bad-values.csv"], { encoding: "utf8", cwd: FIXTURES }).stderr);
    const port = spawnSync(process.execPath, [CLI, "serve", "--port", "http"], { encoding: "utf8", timeout: 10_000 });
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port: "http" is not valid/);
  });
});

describe("serve --bootstrap", () => {
  const ITEMS = join(ROOT, "test", "data", "mmlu-pro", "mmlu_pro_item_correct.csv");
  const app = createApp({
    assets: loadAssets(WEB_DIST),
    datasets: [fileDataset(ITEMS, undefined, {}), bundledDataset()],
    maxUploadBytes: LIMIT,
    allowedHosts: ["127.0.0.1", "localhost", "[::1]"],
    bootstrap: 20,
  });
  const settings: DashboardSettings = { T: "0,2", runs: "2000", seed: "5", elimination: "paper" };

  it("the page's result gets the server's intervals and the labels that use them: the CLI's numbers", async () => {
    const { status, answer } = await prepare(app, form({ source: { dataset: "file" }, settings }));
    assert.equal(status, 200);
    assert.ok(answer.ok);
    const run = answer.run;
    assert.ok(run.bootstrap, "the server computed the bootstrap");
    const rs = decodeRoundScores(run.roundScores);
    // As the worker plays it: the pipeline core on its own thread.
    const played = await playRun({ config: run.config, notes: run.notes, roundScores: rs, noise: run.noise }, simulatorHere);
    const page = withServerBootstrap(played.result, run);
    const r = spawnSync(
      process.execPath,
      [CLI, "rank", ITEMS, "--T", "0,2", "--runs", "2000", "--seed", "5", "--bootstrap", "20", "--threads", "1", "--format", "json", "-q"],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    const cli = JSON.parse(r.stdout) as RankResult;
    assert.deepEqual(page.uncertainty?.settings, cli.uncertainty?.settings);
    assert.ok(page.noise, "the server's noise report is in the page's result");
    assert.deepEqual(page.noise, cli.noise);
    assert.deepEqual(
      page.sensitivity?.models.map((m) => [m.model, m.label]),
      cli.sensitivity?.models.map((m) => [m.model, m.label]),
    );
    assert.match(page.sensitivity?.rule ?? "", /95% bootstrap interval of Delta E/);
  });

  it("a table with nothing to resample runs without intervals, and the page says why", async () => {
    const { answer } = await prepare(app, form({ source: { dataset: "bundled" }, settings }));
    assert.ok(answer.ok);
    assert.equal(answer.run.bootstrap, undefined);
    assert.match(answer.run.bootstrapOmitted ?? "", /--bootstrap: .* has no per-item results, standard errors or item counts/);
    const rs = decodeRoundScores(answer.run.roundScores);
    const page = withServerBootstrap(assembleResult(answer.run.config, simulateRun(answer.run.config, rs), answer.run.notes), answer.run);
    assert.ok(page.notes.includes(answer.run.bootstrapOmitted ?? ""));
  });
});
