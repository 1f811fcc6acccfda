/** Extra facts a server adapter knows about a request but a Fetch `Request` does not carry. */
export interface RequestInfo {
  /** The peer's IP address, for per-client rate limits. */
  clientAddress?: string | undefined;
}
