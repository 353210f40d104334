/**
 * Input limits (documented in docs/errors.md). They keep a hostile or broken
 * input from exhausting memory or hanging the process; each limit, when hit,
 * fails that input alone with a coded error.
 */
export const LIMITS = {
  /** Largest input accepted, in bytes (files, stdin, URL bodies, after gunzip). */
  maxInputBytes: 20 * 1024 * 1024,
  /** Time to establish a connection and receive response headers. */
  fetchHeadersTimeoutMs: 10_000,
  /** Time for a whole URL fetch, headers to last byte, across redirects. */
  fetchTotalTimeoutMs: 30_000,
  /** Redirects followed per URL. */
  maxRedirects: 5,
  /** Longest JSONL line. */
  maxJsonlLineBytes: 20 * 1024 * 1024,
  /** Longest header block of a WARC record, or of the HTTP response inside one. */
  maxHeaderBytes: 64 * 1024,
} as const;
