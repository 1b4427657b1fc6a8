import assert from "node:assert/strict";
import { test } from "node:test";
import {
  at,
  cellIndex,
  column,
  gridFromRows,
  gridOf,
  gridRows,
  isMissing,
  MISSING,
  makeGrid,
  pick,
  rowCopy,
  rowView,
  set,
  transpose,
} from "../src/grid/grid.js";

test("a grid is row-major: cell (r, c) at values[r * cols + c]", () => {
  const g = gridFromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.equal(g.rows, 2);
  assert.equal(g.cols, 3);
  assert.deepEqual(Array.from(g.values), [1, 2, 3, 4, 5, 6]);
  assert.equal(at(g, 0, 2), 3);
  assert.equal(at(g, 1, 0), 4);
  assert.equal(cellIndex(g, 1, 2), 5);
  set(g, 1, 2, 60);
  assert.equal(g.values[5], 60);
  assert.deepEqual(gridRows(g), [
    [1, 2, 3],
    [4, 5, 60],
  ]);
});

test("rows: a view writes through, a copy does not; columns are copies", () => {
  const g = gridFromRows([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  rowView(g, 1)[0] = 30;
  assert.equal(at(g, 1, 0), 30);
  const copy = rowCopy(g, 2);
  copy[1] = 0;
  assert.equal(at(g, 2, 1), 6);
  assert.deepEqual(Array.from(column(g, 1)), [2, 4, 6]);
  assert.deepEqual(Array.from(column(g, 0)), [1, 30, 5]);
});

test("transpose swaps the orientation and round-trips exactly", () => {
  const g = gridFromRows([
    [1, 2, 3],
    [4, Number.NaN, Number.NEGATIVE_INFINITY],
  ]);
  const t = transpose(g);
  assert.equal(t.rows, 3);
  assert.equal(t.cols, 2);
  assert.deepEqual(gridRows(t), [
    [1, 4],
    [2, Number.NaN],
    [3, Number.NEGATIVE_INFINITY],
  ]);
  for (let r = 0; r < g.rows; r++) for (let c = 0; c < g.cols; c++) assert.ok(Object.is(at(t, c, r), at(g, r, c)));
  assert.deepEqual(transpose(t), g);
  assert.deepEqual(transpose(makeGrid(0, 4)), makeGrid(4, 0));
});

test("NaN is the one missing marker; -Infinity is a score, not a gap", () => {
  assert.ok(isMissing(MISSING));
  assert.ok(isMissing(Number.NaN));
  assert.ok(!isMissing(Number.NEGATIVE_INFINITY));
  assert.ok(!isMissing(0));
  const g = makeGrid(2, 2);
  assert.ok(Array.from(g.values).every(isMissing), "a new grid starts missing");
  assert.deepEqual(Array.from(makeGrid(1, 3, 0).values), [0, 0, 0]);
});

test("gridOf wraps values without copying and checks the shape; pick selects in order", () => {
  const values = new Float64Array([1, 2, 3, 4, 5, 6]);
  const g = gridOf(3, 2, values);
  assert.equal(g.values, values);
  assert.throws(() => gridOf(2, 2, values), /6 values for 2 x 2/);
  assert.throws(() => gridFromRows([[1, 2], [3]]), /row 1 has 1 cells, expected 2/);
  assert.deepEqual(gridRows(pick(g, [2, 0, 2], [1])), [[6], [2], [6]]);
  assert.deepEqual(gridFromRows([]), { rows: 0, cols: 0, values: new Float64Array(0) });
});
