/**
 * Progress reporting for long CLI work. On a terminal it draws a bar on stderr; otherwise it
 * prints a line every 10 %. Services accept the `Progress` interface, so tests pass nothing.
 */
export interface Progress {
  start(total: number, label: string): void;
  advance(by?: number): void;
  finish(message?: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let total = 0;
  let done = 0;
  let label = '';
  let lastDecile = -1;
  let startedAt = 0;
  const interactive = stream.isTTY === true;
  const draw = () => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    if (interactive) {
      const width = 30;
      const filled = Math.round(ratio * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${done}/${total} (${decile * 10} %)\n`);
      }
    }
  };
  return {
    start(newTotal, newLabel) {
      total = newTotal;
      done = 0;
      label = newLabel;
      lastDecile = -1;
      startedAt = Date.now();
      draw();
    },
    advance(by = 1) {
      done += by;
      draw();
    },
    finish(message) {
      if (interactive) stream.write('\n');
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      stream.write(`${message ?? `${label}: done`} in ${seconds} s\n`);
    },
  };
}

export const silentProgress: Progress = { start() {}, advance() {}, finish() {} };
