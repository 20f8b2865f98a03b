import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * UTF-8 when the start of the file decodes cleanly (a character cut off at its end allowed), else
 * Windows-1252; the same rule as the import (src/import/read.ts), without loading its XLSX reader.
 */
export function detectEncoding(sample: Uint8Array): 'utf-8' | 'windows-1252' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Where the bytes come from: fills `into` from `at`, returns how many bytes were read (0 at the end). */
export type ByteSource = (into: Uint8Array, at: number, max: number) => number;

export function fileSource(path: string): { read: ByteSource; close: () => void; size: number } {
  const fd = openSync(path, 'r');
  return {
    read: (into, at, max) => readSync(fd, into, at, max, null),
    close: () => closeSync(fd),
    size: fstatSync(fd).size,
  };
}

export function memorySource(bytes: Uint8Array): ByteSource {
  let pos = 0;
  return (into, at, max) => {
    const n = Math.min(max, bytes.length - pos);
    into.set(bytes.subarray(pos, pos + n), at);
    pos += n;
    return n;
  };
}

const QUOTE = 34;
const NL = 10;
const CR = 13;
const isBlank = (c: number) => c === 32 || c === 9 || c === CR;

/**
 * Reads CSV records from a byte source in chunks, without making a string per field. After
 * `next()` returns true, field k of the record is buf[starts[k], ends[k]): trimmed, outside
 * quotes; `escaped[k]` is 1 when the field holds doubled quotes ("") still to be undone.
 * Memory is the chunk (grown only for a record longer than a chunk), whatever the file size.
 */
export class CsvBytes {
  buf: Uint8Array;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  escaped = new Uint8Array(64);
  count = 0;
  /** Number of the current record, counting the header as 1 and skipping empty lines. */
  line = 0;
  /** Some entry of `escaped` may be 1 (set by scanQuoted; the fast path clears them). */
  private anyEscaped = false;
  private len = 0;
  private pos = 0;
  private eof = false;

  constructor(
    private readonly source: ByteSource,
    public delimiter = 44,
    chunk = 1 << 20,
  ) {
    this.buf = new Uint8Array(chunk);
  }

  /** The first bytes of the file (for the delimiter and the encoding), without consuming them. */
  peek(): Uint8Array {
    if (this.len === 0) this.fill();
    if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf && this.pos === 0) this.pos = 3;
    return this.buf.subarray(this.pos, this.len);
  }

  /** Reads the next record that is not an empty line; false at the end of the file. */
  next(): boolean {
    for (;;) {
      if (this.pos >= this.len && this.eof) return false;
      const end = this.scan();
      if (end < 0) {
        this.fill();
        continue;
      }
      this.pos = end;
      if (this.count === 1 && this.starts[0] === this.ends[0] && !this.escaped[0]) continue;
      this.line++;
      return true;
    }
  }

  /** The field as text, with doubled quotes undone. */
  text(k: number, decoder: TextDecoder): string {
    const s = decoder.decode(this.buf.subarray(this.starts[k], this.ends[k]));
    return this.escaped[k] ? s.replace(/""/g, '"') : s;
  }

  private fill(): void {
    const rest = this.len - this.pos;
    if (rest === this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    } else if (this.pos > 0) this.buf.copyWithin(0, this.pos, this.len);
    this.len = rest;
    this.pos = 0;
    while (this.len < this.buf.length) {
      const n = this.source(this.buf, this.len, this.buf.length - this.len);
      if (n === 0) {
        this.eof = true;
        break;
      }
      this.len += n;
    }
  }

  /**
   * Splits the record at `pos` into fields; returns the position after it, or -1 when it is not
   * complete yet. A record without quotes (the usual case) takes one pass over its bytes in which
   * a byte above the quote (a letter or digit) costs one comparison with the delimiter; a field is
   * trimmed only when it held a byte at or below the quote (a blank or a control character). A
   * record with a quote, or with more fields than there is room for, goes to scanQuoted.
   */
  private scan(): number {
    const buf = this.buf;
    const len = this.len;
    const delim = this.delimiter;
    const starts = this.starts;
    const ends = this.ends;
    const fields = starts.length;
    if (this.anyEscaped) {
      this.escaped.fill(0);
      this.anyEscaped = false;
    }
    let k = 0;
    let from = this.pos;
    let i = from;
    let low = false;
    for (;;) {
      let c = NL;
      while (i < len && (c = buf[i]) > QUOTE && c !== delim) i++;
      if (i >= len) {
        if (!this.eof) return -1;
        c = NL;
      } else if (c !== delim && c !== NL) {
        if (c === QUOTE || k === fields) return this.scanQuoted();
        low = true;
        i++;
        continue;
      }
      if (k === fields) return this.scanQuoted();
      let s = from,
        e = i;
      if (low) {
        while (s < e && isBlank(buf[s])) s++;
        while (e > s && isBlank(buf[e - 1])) e--;
        low = false;
      }
      starts[k] = s;
      ends[k] = e;
      k++;
      if (c === NL) break;
      from = ++i;
    }
    this.count = k;
    return i < len ? i + 1 : len;
  }

  /** The general splitter: quoted fields, doubled quotes, delimiters and line ends inside quotes. */
  private scanQuoted(): number {
    const buf = this.buf;
    const len = this.len;
    const delim = this.delimiter;
    let i = this.pos;
    let k = 0;
    for (;;) {
      while (i < len && (buf[i] === 32 || buf[i] === 9)) i++;
      let s = i;
      let e: number;
      let esc = 0;
      if (i < len && buf[i] === QUOTE) {
        s = ++i;
        for (;;) {
          while (i < len && buf[i] !== QUOTE) i++;
          if (i + 1 >= len && !this.eof) return -1;
          if (i < len - 1 && buf[i + 1] === QUOTE) {
            esc = 1;
            i += 2;
            continue;
          }
          break;
        }
        e = Math.min(i, len);
        i = Math.min(i + 1, len);
        while (i < len && buf[i] !== delim && buf[i] !== NL) i++;
      } else {
        while (i < len && buf[i] !== delim && buf[i] !== NL) i++;
        e = i;
      }
      if (i >= len && !this.eof) return -1;
      while (s < e && isBlank(buf[s])) s++;
      while (e > s && isBlank(buf[e - 1])) e--;
      if (k === this.starts.length) this.growFields();
      this.starts[k] = s;
      this.ends[k] = e;
      this.escaped[k] = esc;
      if (esc) this.anyEscaped = true;
      k++;
      if (i < len && buf[i] === delim) {
        i++;
        continue;
      }
      this.count = k;
      return i < len ? i + 1 : len;
    }
  }

  private growFields(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    const e = new Int32Array(n);
    e.set(this.ends);
    const x = new Uint8Array(n);
    x.set(this.escaped);
    this.starts = s;
    this.ends = e;
    this.escaped = x;
  }
}
