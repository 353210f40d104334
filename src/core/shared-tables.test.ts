import { afterEach, describe, expect, it } from 'vitest';
import { recordedTables, recordSharedTables, sharedBytes, sharedTable, useSharedTables } from './shared-tables.js';

afterEach(() => {
  recordedTables();
  useSharedTables({});
});

describe('shared tables', () => {
  it('builds an ordinary table when neither recording nor given any', () => {
    const t = sharedTable('a', () => Int32Array.of(1, 2, 3));
    expect(t.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...t]).toEqual([1, 2, 3]);
  });

  it('records tables into shared memory, and a thread given them reads them without building', () => {
    recordSharedTables();
    const w = sharedTable('model#weights', () => Int8Array.of(-128, 0, 127));
    const b = sharedBytes('table.tsv', () => Buffer.from('a\tAğbənd\n', 'utf8'));
    expect(w.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...w]).toEqual([-128, 0, 127]);
    expect(b.toString('utf8')).toBe('a\tAğbənd\n');
    // A table without a key is never shared.
    expect(sharedTable(undefined, () => Int32Array.of(1)).buffer).toBeInstanceOf(ArrayBuffer);
    const set = recordedTables();
    expect(Object.keys(set).sort()).toEqual(['model#weights', 'table.tsv']);
    // Recording stopped: later tables are ordinary ones.
    expect(sharedTable('later', () => Uint32Array.of(7)).buffer).toBeInstanceOf(ArrayBuffer);

    useSharedTables(structuredClone(set));
    const never = (): never => {
      throw new Error('built a table it was given');
    };
    const w2 = sharedTable<Int8Array>('model#weights', never);
    expect(w2).toBeInstanceOf(Int8Array);
    expect([...w2]).toEqual([-128, 0, 127]);
    expect(sharedBytes('table.tsv', never).toString('utf8')).toBe('a\tAğbənd\n');
    // Shared memory: a write through one view shows in the other.
    w[1] = 5;
    expect(w2[1]).toBe(5);
    expect([...sharedTable('other', () => Uint8Array.of(9))]).toEqual([9]);
  });
});
