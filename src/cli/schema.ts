/** `newsgraph schema`: print the JSON Schema of the article record. */
import { recordSchema } from '../core/schema.js';

export function runSchema(out: (line: string) => void): number {
  out(JSON.stringify(recordSchema, null, 2));
  return 0;
}
