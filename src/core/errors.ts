/**
 * Coded errors (ky/zod style): every failure a user can cause carries a stable
 * `code` and names the input it concerns, so the CLI can print one line and
 * scripts can branch on the code. The catalogue lives in docs/errors.md.
 */
export const ERROR_CODES = [
  'E_NOT_FOUND', // file does not exist or cannot be read
  'E_EMPTY', // input has no bytes or no text
  'E_BINARY', // input is not text (NUL bytes, known binary signature)
  'E_TOO_LARGE', // input exceeds the size limit
  'E_ENCODING', // bytes are not valid in the detected or declared charset
  'E_FORMAT', // unknown or unsupported format
  'E_BAD_JSONL', // a JSON line is malformed or lacks required fields
  'E_FETCH', // network failure fetching a URL
  'E_HTTP', // URL answered with a non-success status
  'E_TIMEOUT', // fetch or processing took too long
  'E_PRIVATE_ADDRESS', // URL resolves to a loopback/private address without --allow-private
  'E_BAD_URL', // malformed URL or unsupported scheme
  'E_NO_CONTENT', // extraction found no article text
  'E_USAGE', // bad command-line usage
  'E_STORE', // the store cannot be opened or used: corrupt or foreign file, wrong database URL, password, schema too new
  'E_STORE_BUSY', // the store is locked by another process and stayed locked past the wait
  'E_PIPELINE', // pipeline mis-assembled (requires/assigns mismatch)
  'E_INTERNAL', // a bug: anything unexpected
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class NewsgraphError extends Error {
  override readonly name = 'NewsgraphError';
  readonly code: ErrorCode;
  /** The input the error concerns (path, URL, `-`, JSONL id), when there is one. */
  readonly input: string | null;

  constructor(code: ErrorCode, message: string, options: { input?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.input = options.input ?? null;
  }

  /** Return a copy of this error that names `input` (used when a lower layer did not know it). */
  withInput(input: string): NewsgraphError {
    if (this.input !== null) return this;
    const e = new NewsgraphError(this.code, this.message, { input, cause: this.cause });
    e.stack = this.stack;
    return e;
  }

  toJSON(): { input: string | null; code: ErrorCode; message: string } {
    return { input: this.input, code: this.code, message: this.message };
  }
}

export function isNewsgraphError(e: unknown): e is NewsgraphError {
  return e instanceof NewsgraphError;
}

/** Wrap anything thrown into a NewsgraphError, keeping the original as `cause`. */
export function toNewsgraphError(e: unknown, input?: string): NewsgraphError {
  if (isNewsgraphError(e)) return input === undefined ? e : e.withInput(input);
  const message = e instanceof Error ? e.message : String(e);
  return new NewsgraphError('E_INTERNAL', message, { input: input ?? null, cause: e });
}

/**
 * Whether a failure is the input's own and would recur on every attempt, so a job queue
 * fails it at once instead of retrying (src/corpus/scale-out.ts). Takes a NewsgraphError,
 * or its flattened `{ code }` (an ingest failure); anything else — a driver or network
 * error, a thrown bug — is transient. Only the codes that describe the input's bytes or
 * content are permanent. A missing file is not (a worker may lack the shared disk another
 * has), nor are the network, timeouts, the store, a crashed extraction thread or a
 * mis-assembled pipeline (E_INTERNAL, E_PIPELINE: this worker's fault, not the input's).
 */
export function isPermanent(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code)) return false;
  const known = code as ErrorCode;
  switch (known) {
    case 'E_EMPTY': // no bytes, or no text
    case 'E_BINARY':
    case 'E_TOO_LARGE':
    case 'E_ENCODING':
    case 'E_FORMAT':
    case 'E_BAD_JSONL':
    case 'E_NO_CONTENT': // the extractor found no article text in it
    case 'E_BAD_URL':
    case 'E_PRIVATE_ADDRESS': // refused by the options the job carries
    case 'E_USAGE': // the job's options are invalid
      return true;
    case 'E_NOT_FOUND':
    case 'E_FETCH':
    case 'E_HTTP': // 5xx and 429 pass; a 404 costs the retries, which cannot be told apart here
    case 'E_TIMEOUT':
    case 'E_STORE':
    case 'E_STORE_BUSY':
    case 'E_PIPELINE':
    case 'E_INTERNAL':
      return false;
    default: {
      // A new code must be classified here: this does not compile until it is.
      const unclassified: never = known;
      return unclassified;
    }
  }
}
