/** What the notes say, once and plainly: warnings as warnings, one note per aggregate, one-round and near-duplicate rounds. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { CLI, NEEDS_SHARED, ROOT, sharedData, testData } from "./helpers.js";

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });

it("Open LLM v2: one note for its aggregate, BBH and BBH Raw flagged as near-duplicate rounds, warnings printed as warnings", () => {
  const r = run(
    "rank",
    testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv"),
    "--duplicates",
    "first",
    "--runs",
    "200",
    "--format",
    "csv",
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr.match(/hf_open_llm_v2/g)?.length, 1, r.stderr);
  assert.match(r.stderr, /swissround: warning: rounds that order the models almost alike .*HFV2_BBH ~ HFV2_BBH Raw \(0\.99\d\)/);
  assert.doesNotMatch(r.stderr, /note: warning:/);
});

it("a one-benchmark table says what a one-round contest means; '1 round', not '1 rounds'", () => {
  const dir = mkdtempSync(join(tmpdir(), "swissround-notes-"));
  const file = join(dir, "one.csv");
  writeFileSync(file, "model,pass_rate\na,10\nb,20\nc,30\n");
  const r = run("rank", file, "--runs", "200");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /3 models, 1 round, /);
  assert.match(r.stdout, /one round only \(pass_rate\): each contest is one match against a random opponent/);
});

it("rank -o FILE.html points to report", () => {
  const r = run("rank", join(ROOT, "data", "opencompass_2024-08-29.csv"), "-o", join(tmpdir(), "x.html"));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /for an HTML report with the charts: swissround report \.\.\. -o FILE\.html/);
});

it("--top N: the best N models in each table and in CSV, with how many more; JSON keeps all; 0 is refused", () => {
  const file = testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv");
  const text = run("rank", file, "--duplicates", "first", "--runs", "200", "--top", "3", "-q");
  assert.equal(text.status, 0, text.stderr);
  assert.equal(text.stdout.match(/\.\.\. and 337 more models/g)?.length, 4, "the sensitivity table and each of three settings");
  assert.match(text.stdout, /^Warning: rounds that order the models almost alike/m);
  const csv = run("rank", file, "--duplicates", "first", "--runs", "200", "--top", "3", "--format", "csv", "-q");
  assert.equal(csv.stdout.trim().split("\n").length, 1 + 3 * 3);
  const json = run("rank", file, "--duplicates", "first", "--runs", "200", "--top", "3", "--format", "json", "-q");
  assert.equal((JSON.parse(json.stdout) as { results: { models: unknown[] }[] }).results[0].models.length, 340);
  const compare = run("compare", file, "--duplicates", "first", "--runs", "200", "--top", "2", "--methods", "mean,borda", "-q");
  assert.equal(compare.status, 0, compare.stderr);
  assert.match(compare.stdout, /\.\.\. and 338 more models/);
  assert.match(run("rank", file, "--top", "0").stderr, /--top: "0" is not valid/);
});

it("a categories object (LiveBench's own categories_*.json) is a round plan: one round per category, in file order", () => {
  const dir = mkdtempSync(join(tmpdir(), "swissround-plan-"));
  const plan = join(dir, "categories.json");
  writeFileSync(
    plan,
    JSON.stringify({ Knowledge: ["OC_Knowledge", "OC_Language"], Reasoning: ["OC_Reasoning", "OC_Math"], Code: ["OC_Code"] }),
  );
  const r = run("rank", join(ROOT, "data", "opencompass_2024-08-29.csv"), "--rounds", plan, "--runs", "200", "--format", "json", "-q");
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { config: { plan: { rounds: { name: string; benchmarks: string[] }[] } } };
  assert.deepEqual(
    out.config.plan.rounds.map((x) => x.name),
    ["Knowledge", "Reasoning", "Code"],
  );
  writeFileSync(plan, JSON.stringify({ Knowledge: ["OC_Knowledge"], Bad: ["nope"] }));
  assert.match(run("rank", join(ROOT, "data", "opencompass_2024-08-29.csv"), "--rounds", plan).stderr, /unknown benchmark "nope"/);
});

it("LiveBench's real table with its own categories file (../shared only)", { skip: NEEDS_SHARED }, () => {
  const r = run(
    "rank",
    sharedData("livebench", "table_2025_12_23.csv"),
    "--rounds",
    sharedData("livebench", "categories_2025_12_23.json"),
    "--runs",
    "200",
    "--format",
    "json",
    "-q",
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { config: { plan: { rounds: unknown[] } } }).config.plan.rounds.length, 7);
});
