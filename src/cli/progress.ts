/** Progress on stderr: only on a terminal, only once a run has taken more than a second. */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - started < 1000 || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      const pct = total > 0 ? Math.min(100, (100 * done) / total) : 0;
      stream.write(`\r${label}: ${pct.toFixed(0)}% (${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} contests)\u001b[K`);
    },
    finish() {
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}
