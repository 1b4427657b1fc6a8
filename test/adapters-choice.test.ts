/** chooseAdapter: the one place a file's adapter is chosen, with its reason. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ADAPTERS, chooseAdapter } from "../src/table/adapters/index.js";
import { InputError } from "../src/table/errors.js";

const name = (file: string, head: string, options = {}) => chooseAdapter(file, head, options).adapter.name;

describe("chooseAdapter", () => {
  it("every adapter has one shape: detect, read, the options it reads", () => {
    for (const a of ADAPTERS) {
      assert.equal(typeof a.detect, "function", a.name);
      assert.equal(typeof a.read, "function", a.name);
      assert.ok(Array.isArray(a.options), a.name);
    }
    assert.deepEqual(
      ADAPTERS.filter((a) => a.stream).map((a) => a.name),
      ["long", "per-item"],
    );
  });

  it("long or wide from the header, per-item before long, leaderboard as the fallback", () => {
    assert.equal(name("t.csv", "model,benchmark,score\na,MMLU,1\n"), "long");
    assert.match(chooseAdapter("t.csv", "model,benchmark,score\n").reason, /model, benchmark and score: columns "model"/);
    assert.equal(name("t.csv", "model,MMLU,GPQA\na,1,2\n"), "leaderboard");
    assert.equal(name("t.csv", "model,benchmark,item_id,score\na,MMLU,q1,1\n"), "per-item");
    assert.equal(name("t.json", '[{"model":"a","benchmark":"MMLU","score":1}]'), "long");
    assert.equal(name("t.jsonl", '{"model":"a","task":"MMLU","value":1}\n{"model":"b","ta'), "long");
    assert.equal(name("t.csv", "dataset,version,metric,mode,m1,m2\n"), "opencompass");
    // Text that is not a table at all: the leaderboard adapter reads it and says why.
    assert.equal(name("t.csv", "garbage"), "leaderboard");
  });

  it("--from, --layout and --columns decide before the header", () => {
    assert.deepEqual(chooseAdapter("t.csv", "model,MMLU\n", { from: "long" }).reason, "chosen with --from");
    assert.equal(name("t.csv", "model,benchmark,item_id,score\n", { layout: "long" }), "long");
    assert.equal(name("t.csv", "model,benchmark,score\n", { layout: "models-rows" }), "leaderboard");
    assert.equal(name("t.csv", "who,what,how\n", { columns: { model: "who", benchmark: "what", score: "how" } }), "long");
    assert.equal(name("t.csv", "org,who,MMLU\n", { columns: { model: "who" } }), "leaderboard");
    assert.equal(chooseAdapter("dir", "", {}, 3).reason, "3 results files");
    assert.throws(() => chooseAdapter("t.csv", "", { from: "nope" as "long" }), /--from: "nope" is not an adapter/);
  });

  it("two specialised adapters claiming a file is an error naming both", () => {
    // OpenCompass's header with an item column: both the per-item and the OpenCompass adapters fit.
    const head = "dataset,version,metric,mode,item_id,m1,m2\nd,v,acc,gen,q1,1,0\nd,v,acc,gen,q2,0,1\n";
    assert.throws(
      () => chooseAdapter("t.csv", head),
      (e: unknown) => e instanceof InputError && /more than one adapter fits/.test(e.message),
    );
  });
});
