/**
 * Read-only tables that ingest's extraction threads share instead of each building its
 * own copy: the parser's weights, the POS tagger's weight entries, the place gazetteer's
 * bytes (about 23 MB per thread).
 *
 * A loader names each such table by a key (its file and which table) and passes a
 * function that builds it. `sharedTable` then:
 *  - in a thread given a set of tables (`useSharedTables`), returns a view of the shared
 *    memory under that key, without building anything;
 *  - while recording (`recordSharedTables`, in the pool's first thread), builds the table,
 *    copies it into shared memory, keeps it for the set and returns the shared copy;
 *  - otherwise (the CLI's own thread, tests) returns what the function builds.
 * Shared memory is only ever read after it is filled, so no thread needs Atomics.
 */
type TableType = 'Int8Array' | 'Uint8Array' | 'Int32Array' | 'Uint32Array';
type Table = Int8Array | Uint8Array | Int32Array | Uint32Array;

export interface SharedTableEntry {
  type: TableType;
  buffer: SharedArrayBuffer;
}
export type SharedTables = Record<string, SharedTableEntry>;

function view(type: TableType, buffer: SharedArrayBuffer): Table {
  switch (type) {
    case 'Int8Array': return new Int8Array(buffer);
    case 'Int32Array': return new Int32Array(buffer);
    case 'Uint32Array': return new Uint32Array(buffer);
    default: return new Uint8Array(buffer);
  }
}

let given: SharedTables = {};
let recording: SharedTables | null = null;

/** This thread reads the tables of `set` instead of building them. */
export function useSharedTables(set: SharedTables): void {
  given = set;
}

/** Tables built from now on go to shared memory and into the set `recorded` returns. */
export function recordSharedTables(): void {
  recording = {};
}

/** The tables recorded so far; recording stops. */
export function recordedTables(): SharedTables {
  const set = recording ?? {};
  recording = null;
  return set;
}

function typeOf(t: Table): TableType {
  if (t instanceof Int8Array) return 'Int8Array';
  if (t instanceof Int32Array) return 'Int32Array';
  if (t instanceof Uint32Array) return 'Uint32Array';
  return 'Uint8Array';
}

/**
 * The table under `key`: shared when this thread was given it, else built by `build`.
 * Without a key (a model read from bytes of unknown origin) it is always built.
 */
export function sharedTable<T extends Table>(key: string | undefined, build: () => T): T {
  if (key === undefined) return build();
  const g = given[key];
  if (g) return view(g.type, g.buffer) as T;
  const t = build();
  if (!recording) return t;
  const type = typeOf(t);
  const buffer = new SharedArrayBuffer(t.byteLength);
  const copy = view(type, buffer);
  copy.set(t);
  recording[key] = { type, buffer };
  return copy as T;
}

/** sharedTable for bytes read as a Buffer (text tables decoded on demand). */
export function sharedBytes(key: string, build: () => Buffer): Buffer {
  const t = sharedTable(key, () => {
    const b = build();
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  });
  return Buffer.from(t.buffer, t.byteOffset, t.byteLength);
}
