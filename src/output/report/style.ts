/** The report's stylesheet (also used by the dashboard, so both read the same). */
export const REPORT_CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --soft: #f5f7fa; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 Inter, "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.report { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
header.top h1 { font-size: 26px; margin: 0 0 4px; }
header.top p { margin: 0; color: var(--muted); }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 16px 0 8px; padding: 10px 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); font-size: 14px; }
nav.toc a { color: var(--accent); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
section { margin-top: 32px; }
h2 { font-size: 20px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 0; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px 12px; margin: 0; }
dl.facts div { background: var(--soft); border-radius: 6px; padding: 6px 10px; }
dl.facts div:first-child { grid-column: span 2; }
dl.facts dt { font-size: 12px; color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
ul.notes { margin: 12px 0 0; padding: 10px 14px 10px 30px; background: #fffbea; border-left: 3px solid #f0b429; border-radius: 4px; font-size: 14px; }
.table-wrap { overflow: auto; max-height: 640px; border: 1px solid var(--line); border-radius: 6px; }
.table-wrap.narrow { max-width: 760px; }
.table-wrap.full { max-height: none; }
.table-tools { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin: 0 0 8px; font-size: 13px; color: var(--muted); }
.table-tools input[type="search"] { font: inherit; color: var(--ink); padding: 4px 8px; border: 1px solid #cbd2d9; border-radius: 4px; width: 240px; max-width: 100%; }
.table-count { font-weight: 600; color: var(--ink); }
table.grid th button.sort { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; white-space: nowrap; }
table.grid th button.sort:hover { color: var(--accent); }
table.grid th[aria-sort="ascending"] button.sort::after { content: " \\25B2"; font-size: 10px; }
table.grid th[aria-sort="descending"] button.sort::after { content: " \\25BC"; font-size: 10px; }
table.grid { border-collapse: collapse; width: 100%; font-size: 13px; }
table.grid th { position: sticky; top: 0; background: #fff; text-align: left; font-weight: 600; padding: 7px 8px; border-bottom: 2px solid var(--line); white-space: nowrap; }
table.grid td { padding: 5px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
table.grid tbody tr:nth-child(even) { background: #fafbfc; }
table.grid .num { text-align: right; font-variant-numeric: tabular-nums; }
table.grid .model { font-weight: 600; }
/* The model's name stays in view while a wide table scrolls sideways (phones). */
table.grid .sticky { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--line); }
table.grid th.sticky { z-index: 2; }
table.grid tbody tr:nth-child(even) .sticky { background: #fafbfc; }
.pm { color: var(--muted); font-size: 12px; }
.label, .tier { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; line-height: 20px; }
.label-generalist { background: #e3f8f1; color: #05664b; }
.label-balanced { background: #eef0f3; color: #52606d; }
.label-specialist { background: #fde8dd; color: #9c3a00; }
.label-undetermined { background: #f5f6f8; color: #7b8794; }
.tier { min-width: 22px; text-align: center; background: #e6f0fa; color: #084c8d; }
.tier-1 { background: #084c8d; color: #fff; }
.tier-2 { background: #2f80c4; color: #fff; }
.tier-3 { background: #a9cdec; }
p.caption, ul.caption, figcaption { color: var(--muted); font-size: 13px; margin: 8px 0 0; max-width: 1000px; }
figure.chart { margin: 0; }
.chart-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin-bottom: 6px; }
label.view { font-size: 13px; color: var(--muted); }
label.view select { margin-left: 6px; font: inherit; padding: 2px 6px; }
.chart-scroll { overflow-x: auto; }
.chart-canvas { width: 100%; }
.unavailable { color: var(--muted); font-style: italic; }
details { margin-top: 8px; }
details summary { cursor: pointer; font-size: 14px; padding: 4px 0; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
code { background: var(--soft); padding: 1px 5px; border-radius: 4px; font-size: 13px; }
/* A long file name or model name wraps instead of widening the page. */
h1, h2, h3, p, li, dd, figcaption { overflow-wrap: anywhere; }
@media (max-width: 600px) {
  .report { padding: 16px 12px 32px; }
  header.top h1 { font-size: 20px; }
  dl.facts div:first-child { grid-column: auto; }
}
`;
