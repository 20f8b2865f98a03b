/**
 * Interns byte strings (the trimmed bytes of a CSV field) to small ids without making a string per
 * field: an open-addressing hash table over an arena of the distinct byte strings seen so far.
 * Used per column of an extract, where a ground has a handful of distinct values, and for the
 * person ids, where every value is distinct (then it doubles as the duplicate check).
 */
export class ByteDict {
  private arena: Uint8Array = new Uint8Array(1024);
  private arenaUsed = 0;
  private starts: Int32Array = new Int32Array(16);
  private lengths: Int32Array = new Int32Array(16);
  private hashes: Int32Array = new Int32Array(16);
  /** Pairs (id, hash) per slot, id -1 when empty: a probe reads one place in memory, not two. */
  private slots: Int32Array = new Int32Array(64).fill(-1);
  /** The empty slot where the last `find` stopped, for an `add` of the same bytes right after it. */
  private lastEmpty = -1;
  private lastHash = 0;
  /** Number of distinct byte strings. */
  size = 0;
  /**
   * False while the strings are only kept in order (append), without hash table: see append and
   * index. A new dictionary is indexed; `inOrder()` makes an empty one start unindexed.
   */
  indexed = true;
  /** The number of strings `reserve` made room for (the hash table is sized for it when indexed later). */
  private reserved = 0;

  /** An empty dictionary that keeps its strings in order, unindexed, until index() is called. */
  static inOrder(): ByteDict {
    const d = new ByteDict();
    d.indexed = false;
    return d;
  }

  /**
   * True when buf[start, end) comes after the last string appended, in the order of length first,
   * then bytes (so that p9 comes before p10 and 0009 before 0010), or when there is none. When
   * every string was appended in this order, such a string is not among them: no lookup needed.
   */
  isAfterLast(buf: Uint8Array, start: number, end: number): boolean {
    const last = this.size - 1;
    if (last < 0) return true;
    const len = end - start;
    const lastLen = this.lengths[last];
    if (len !== lastLen) return len > lastLen;
    const arena = this.arena;
    const at = this.starts[last] - start;
    for (let i = start; i < end; i++) {
      const a = buf[i],
        b = arena[at + i];
      if (a !== b) return a > b;
    }
    return false;
  }

  /** Adds bytes to an unindexed dictionary (after isAfterLast said they are new); returns the new id. */
  append(buf: Uint8Array, start: number, end: number): number {
    return this.store(buf, start, end);
  }

  /** Copies bytes into the arena as the next id (no hash table work); returns the id. */
  private store(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    const arena = this.arena;
    for (let k = 0, at = this.arenaUsed; k < len; k++) arena[at + k] = buf[start + k];
    const id = this.size++;
    if (id >= this.starts.length) {
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
    }
    this.starts[id] = this.arenaUsed;
    this.lengths[id] = len;
    this.arenaUsed += len;
    return id;
  }

  /** Builds the hash table over the strings appended so far; from then on use find and add. */
  index(): void {
    if (this.indexed) return;
    this.indexed = true;
    for (let id = 0; id < this.size; id++) {
      const at = this.starts[id];
      this.hashes[id] = hashBytes(this.arena, at, at + this.lengths[id]);
    }
    let slots = this.slots.length;
    const n = Math.max(this.reserved, this.size);
    while (n * 4 > slots) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    for (let id = 0; id < this.size; id++) this.place(id);
  }

  /** Id of the bytes buf[start, end), or -1 when not seen yet. `hash` from hashBytes. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const id = slots[s << 1];
      if (id < 0) {
        this.lastEmpty = s;
        this.lastHash = hash;
        return -1;
      }
      if (slots[(s << 1) + 1] === hash && this.equals(id, buf, start, end)) return id;
    }
  }

  /** True when id stands for exactly the bytes buf[start, end). */
  equals(id: number, buf: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    if (this.lengths[id] !== len) return false;
    const arena = this.arena;
    const at = this.starts[id] - start;
    for (let i = start; i < end; i++) if (arena[at + i] !== buf[i]) return false;
    return true;
  }

  /** Adds bytes that `find` did not find; returns the new id. */
  add(buf: Uint8Array, start: number, end: number, hash: number): number {
    const id = this.store(buf, start, end);
    this.hashes[id] = hash;
    const at = this.lastEmpty;
    this.lastEmpty = -1;
    if (this.size * 4 > this.slots.length) this.rehash();
    else if (at >= 0 && this.lastHash === hash && this.slots[at << 1] < 0) this.fill(at, id, hash);
    else this.place(id);
    return id;
  }

  /**
   * Makes room for about `n` byte strings of about `bytesEach` bytes, so that a large column (the
   * person ids of a file) does not grow and rehash step by step while it is read.
   */
  reserve(n: number, bytesEach: number): void {
    let cap = this.starts.length;
    while (cap < n) cap *= 2;
    if (cap > this.starts.length) {
      this.starts = resize(this.starts, cap);
      this.lengths = resize(this.lengths, cap);
      this.hashes = resize(this.hashes, cap);
    }
    const arenaBytes = Math.ceil(n * bytesEach);
    if (arenaBytes > this.arena.length) {
      const grown = new Uint8Array(arenaBytes);
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.reserved = Math.max(this.reserved, n);
    if (!this.indexed) return;
    let slots = this.slots.length;
    while (n * 4 > slots) slots *= 2;
    if (slots > this.slots.length) {
      this.slots = new Int32Array(slots).fill(-1);
      for (let id = 0; id < this.size; id++) this.place(id);
    }
  }

  /** The bytes of an id (a view; copy before keeping). */
  bytes(id: number): Uint8Array {
    return this.arena.subarray(this.starts[id], this.starts[id] + this.lengths[id]);
  }

  private fill(s: number, id: number, hash: number): void {
    this.slots[s << 1] = id;
    this.slots[(s << 1) + 1] = hash;
  }

  private place(id: number): void {
    const mask = (this.slots.length >> 1) - 1;
    let s = this.hashes[id] & mask;
    while (this.slots[s << 1] >= 0) s = (s + 1) & mask;
    this.fill(s, id, this.hashes[id]);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.size; id++) this.place(id);
  }
}

function resize(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** FNV-1a over bytes, as a signed 32-bit integer. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h;
}
