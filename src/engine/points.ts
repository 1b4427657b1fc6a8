/**
 * The points handed out in one contest, derived without simulating.
 *
 * Bucket sizes never depend on who wins: a bucket of c models at score v plays floor(c/2) matches,
 * sends floor(c/2) winners to v+1 and keeps ceil(c/2) (losers and the bye) at v. Elimination removes
 * a fixed number from the bottom. So the number of matches per round, and hence the total points,
 * is the same in every contest: for 29 models and 12 rounds, 154 at T = 0, 130 at T = 1, 97 at T = 2.
 */
export function pointsPerContest(models: number, schedule: ArrayLike<number>): number {
  // sizes[v] = number of active models with score v
  let sizes: number[] = [models];
  let active = models;
  let total = 0;
  for (let k = 0; k < schedule.length && active > 1; k++) {
    const next: number[] = new Array(sizes.length + 1).fill(0);
    for (let v = 0; v < sizes.length; v++) {
      const matches = Math.floor(sizes[v] / 2);
      total += matches;
      next[v] += sizes[v] - matches;
      next[v + 1] += matches;
    }
    let drop = Math.min(Math.max(schedule[k], 0), active);
    active -= drop;
    for (let v = 0; v < next.length && drop > 0; v++) {
      const removed = Math.min(next[v], drop);
      next[v] -= removed;
      drop -= removed;
    }
    sizes = next;
  }
  return total;
}
