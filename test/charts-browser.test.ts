/**
 * The figures at 35, 48 and 340 models as Chromium draws them: real glyph boxes, not our width table,
 * must not overlap or leave the figure.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { buildCharts } from "../src/output/charts/index.js";
import { renderSvg } from "../src/output/charts/render.js";
import { artifact, browserMissing, launchBrowser } from "./browser.js";
import { FIELD_SIZES, fieldData } from "./chart-fields.js";

declare const document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null; getBoundingClientRect(): Rect }> };
interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const skip = browserMissing();

describe("figures in Chromium at 35, 48 and 340 models", { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const n of FIELD_SIZES) {
    it(`${n} models: no text overlaps another or leaves the figure`, async () => {
      const specs = buildCharts(await fieldData(n));
      const page = await browser.newPage();
      try {
        for (const s of specs)
          for (const v of s.variants.slice(0, 2)) {
            const svg = renderSvg(v, 1000);
            await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
            const found = await page.evaluate(() => {
              const svgBox = (document.querySelectorAll("svg")[0] as unknown as { getBoundingClientRect(): Rect }).getBoundingClientRect();
              const texts = Array.from(document.querySelectorAll("svg text"))
                .filter((t) => (t.textContent ?? "").trim() !== "")
                .map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }));
              const pairs: string[] = [];
              const slack = 1;
              for (let i = 0; i < texts.length; i++)
                for (let j = i + 1; j < texts.length; j++) {
                  const a = texts[i].r;
                  const b = texts[j].r;
                  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (w > slack && h > slack) pairs.push(`${texts[i].text} | ${texts[j].text}`);
                }
              const outside = texts
                .filter(
                  (t) =>
                    t.r.left < svgBox.left - 0.5 ||
                    t.r.right > svgBox.right + 0.5 ||
                    t.r.top < svgBox.top - 0.5 ||
                    t.r.bottom > svgBox.bottom + 0.5,
                )
                .map((t) => t.text);
              return { count: texts.length, pairs, outside };
            });
            assert.ok(found.count > 5, `${s.id}/${v.label}: texts drawn`);
            assert.deepEqual(found.pairs, [], `${n} models, ${s.id}/${v.label}: overlapping texts`);
            assert.deepEqual(found.outside, [], `${n} models, ${s.id}/${v.label}: texts off the figure`);
            if (v === s.variants[0]) await page.screenshot({ path: artifact(`figure-${n}-${s.id}.png`), fullPage: true });
          }
      } finally {
        await page.close();
      }
    });
  }
});
