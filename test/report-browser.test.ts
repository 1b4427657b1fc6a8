/** The HTML report in Chromium: the leaderboard sorts and searches, shows every row, and fits a 390 px phone. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { artifact, browserMissing, launchBrowser } from "./browser.js";
import { OPEN_LLM } from "./chart-fields.js";
import { CLI, OC, OC_PLAN, tmp } from "./report-fixture.js";

declare const document: {
  documentElement: { scrollWidth: number };
  querySelector(
    s: string,
  ): { scrollLeft: number; clientHeight: number; scrollHeight: number; getBoundingClientRect(): { left: number } } | null;
};

const skip = browserMissing();

function report(args: string[]): string {
  const out = join(tmp(), "report.html");
  const r = spawnSync(process.execPath, [CLI, "report", ...args, "--runs", "500", "--threads", "1", "-q", "-o", out], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return out;
}

/** The leaderboard's visible rows as [model, column text]. */
function column(page: Page, header: string): Promise<[string, string][]> {
  return page.$$eval(
    "#leaderboard table",
    ([table], h) => {
      const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
      const i = heads.indexOf(h);
      return [...table.querySelectorAll("tbody tr")]
        .filter((r) => !(r as unknown as { hidden: boolean }).hidden)
        .map((r) => [r.children[1].textContent?.trim() ?? "", r.children[i]?.textContent?.trim() ?? ""] as [string, string]);
    },
    header,
  );
}

describe("the report in Chromium", { skip }, () => {
  let browser: Browser;
  let small: string;
  let large: string;
  before(async () => {
    browser = await launchBrowser();
    small = report([OC, "--rounds", OC_PLAN]);
    large = report([OPEN_LLM, "--duplicates", "first", "--exclude", "HFV2_BBH Raw", "--no-studies"]);
  });
  after(async () => {
    await browser?.close();
  });

  for (const [name, file, models] of [
    ["35 models", () => small, 35],
    ["340 models", () => large, 340],
  ] as const) {
    it(`${name}: fits a 390 px phone; every row shown, the model column stays in view`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`file://${file()}`);
      await page.waitForFunction(() => document.querySelector("[data-table-count]") !== null);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, "no sideways page scroll");
      assert.equal((await column(page, "Model")).length, models);
      assert.equal(await page.textContent("[data-table-count]"), `${models} models`);
      const box = await page.evaluate(() => {
        const wrap = document.querySelector("#leaderboard .table-wrap");
        if (!wrap) return undefined;
        wrap.scrollLeft = 400;
        return { clientHeight: wrap.clientHeight, scrollHeight: wrap.scrollHeight };
      });
      assert.ok(box && box.scrollHeight <= box.clientHeight + 1, "no scroll box: the table is as tall as its rows");
      const left = await page.evaluate(() => {
        const wrap = document.querySelector("#leaderboard .table-wrap")?.getBoundingClientRect().left ?? -1;
        const cell = document.querySelector("#leaderboard tbody td.sticky")?.getBoundingClientRect().left ?? -2;
        return { wrap, cell, scrolled: document.querySelector("#leaderboard .table-wrap")?.scrollLeft ?? 0 };
      });
      assert.ok(left.scrolled > 0, "the table scrolls inside its box");
      assert.ok(Math.abs(left.cell - left.wrap) <= 1, `the model column is sticky (${left.cell} vs ${left.wrap})`);
      await page.screenshot({ path: artifact(`report-phone-${models}.png`) });
      await page.close();
    });
  }

  it("sorts by any column (again to reverse) and searches by model", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${small}`);
    await page.click("#leaderboard th:has-text('Model') button");
    const byName = (await column(page, "Model")).map((r) => r[0]);
    assert.deepEqual(
      byName,
      [...byName].sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
    );
    await page.click("#leaderboard th:has-text('E[S] T = 0') button");
    const t0 = (await column(page, "E[S] T = 0")).map((r) => Number.parseFloat(r[1]));
    assert.deepEqual(
      t0,
      [...t0].sort((a, b) => b - a),
      "a score column opens best first",
    );
    assert.equal(await page.getAttribute("#leaderboard th:has-text('E[S] T = 0')", "aria-sort"), "descending");
    await page.click("#leaderboard th:has-text('E[S] T = 0') button");
    const again = (await column(page, "E[S] T = 0")).map((r) => Number.parseFloat(r[1]));
    assert.deepEqual(
      again,
      [...t0].sort((a, b) => a - b),
    );
    await page.fill("[data-table-search=leaderboard]", "qwen");
    const found = await column(page, "Model");
    assert.ok(found.length > 0 && found.length < 35);
    for (const [m] of found) assert.match(m, /qwen/i);
    assert.equal(await page.textContent("[data-table-count]"), `${found.length} of 35 models`);
    await page.fill("[data-table-search=leaderboard]", "");
    assert.equal((await column(page, "Model")).length, 35);
    await page.close();
  });
});
