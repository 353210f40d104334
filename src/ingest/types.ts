/**
 * A raw input as the sources deliver it: decoded text plus what we know of where
 * it came from. `kind` decides which reader handles it:
 *  - "text": a clean body taken as it is (JSONL `text`): no title/byline/boilerplate detection;
 *  - "raw":  a scraped text file (title line, glued byline, date line, boilerplate);
 *  - "html": an HTML page.
 */
export type InputKind = 'text' | 'raw' | 'html';

export interface RawInput {
  /** How errors name this input: a path, a URL, "-", or "FILE#id" for a JSONL line. */
  name: string;
  uri: string | null;
  kind: InputKind;
  content: string;
  /** Overrides supplied with the input (JSONL fields). */
  published?: string | null;
  title?: string | null;
  /** Charset the bytes were decoded with, when they came as bytes. */
  charset?: string;
}
