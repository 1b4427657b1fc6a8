/**
 * Progress on stderr for any step longer than about a second: a line redrawn in place on a
 * terminal, or, with --progress (logs, CI), plain lines every few seconds. Each says the step,
 * done of total, and the time left at the pace so far.
 */
import { thousands } from "../output/format.js";
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export interface ProgressOptions {
  /** What is counted ("contests", "re-rankings"). */
  unit?: string;
  /** Plain lines even when stderr is not a terminal (--progress). */
  force?: boolean;
  stream?: NodeJS.WriteStream;
}

function timeLeft(elapsedMs: number, done: number, total: number): string {
  if (done <= 0 || done >= total) return "";
  const s = Math.round(((elapsedMs / done) * (total - done)) / 1000);
  return s < 1 ? ", under a second left" : s < 120 ? `, about ${s} s left` : `, about ${Math.round(s / 60)} min left`;
}

export function terminalProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const unit = options.unit ?? "contests";
  const live = stream.isTTY === true;
  const plain = !live && options.force === true;
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  const text = (done: number, total: number) => {
    const pct = total > 0 ? Math.min(100, (100 * done) / total) : 0;
    return `${label}: ${pct.toFixed(0)}% (${thousands(done)} of ${thousands(total)} ${unit}${timeLeft(Date.now() - started, done, total)})`;
  };
  return {
    update(done, total) {
      if (!live && !plain) return;
      const now = Date.now();
      // On a terminal, only steps longer than a second; asked for (--progress), from the first update on.
      if ((live && now - started < 1000) || now - lastDraw < (live ? 100 : 5000)) return;
      lastDraw = now;
      drawn = true;
      stream.write(live ? `\r${text(done, total)}\u001b[K` : `swissround: ${text(done, total)}\n`);
    },
    finish() {
      if (drawn && live) stream.write("\r\u001b[K");
    },
  };
}
