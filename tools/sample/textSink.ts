import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

/** Where generated text goes: a string in memory (tests) or a file on disk (CLI). */
export interface TextSink {
  write(text: string): void;
  close(): void;
}

/** Collects everything written; `text()` returns it. */
export function stringSink(): TextSink & { text(): string } {
  const parts: string[] = [];
  return {
    write: (text) => void parts.push(text),
    close: () => undefined,
    text: () => parts.join(''),
  };
}

/** Buffered chunks of this many UTF-16 units are flushed at once (≈ 1–3 MB of UTF-8). */
const FLUSH_AT = 1 << 20;

/**
 * Streams to `path` through a temporary file renamed into place on close, so
 * an interrupted run never leaves a half-written data file behind. Writes are
 * synchronous: the generator is CPU-bound and this keeps memory flat.
 */
export function fileSink(path: string): TextSink {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= FLUSH_AT) flush();
    },
    close() {
      flush();
      closeSync(fd);
      renameSync(tmp, path);
    },
  };
}
