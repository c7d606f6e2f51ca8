// Which failures are worth retrying soon: rules as data, not if-chains.
// "Retryable" means the same request may well succeed later (the server or network is having a bad
// moment). Non-retryable failures (404, 410, a bad certificate) are still polled on schedule with
// backoff: feeds come back, but someone should look at the URL.

/**
 * Status codes whose failure is transient (RFC 9110 §15; 425 from RFC 8470). 520-524 are the
 * Cloudflare "origin unreachable" family, common in front of news sites.
 */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([
  408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524,
]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/** Network error codes (node and undici) → what happened in words, and whether to retry. */
export const NETWORK_ERRORS: Readonly<Record<string, { what: string; retryable: boolean }>> = {
  ECONNREFUSED: { what: 'connection refused', retryable: true },
  ECONNRESET: { what: 'connection reset', retryable: true },
  EPIPE: { what: 'connection broken', retryable: true },
  ETIMEDOUT: { what: 'connection timed out', retryable: true },
  EHOSTUNREACH: { what: 'host unreachable', retryable: true },
  ENETUNREACH: { what: 'network unreachable', retryable: true },
  ENOTFOUND: { what: 'host name not found', retryable: true },
  EAI_AGAIN: { what: 'DNS lookup failed temporarily', retryable: true },
  UND_ERR_SOCKET: { what: 'connection closed by the server', retryable: true },
  UND_ERR_CLOSED: { what: 'connection closed', retryable: true },
  HPE_INVALID_CONSTANT: { what: 'malformed HTTP response', retryable: false },
  UND_ERR_INVALID_ARG: { what: 'invalid request', retryable: false },
  CERT_HAS_EXPIRED: { what: 'TLS certificate expired', retryable: false },
  DEPTH_ZERO_SELF_SIGNED_CERT: { what: 'self-signed TLS certificate', retryable: false },
  SELF_SIGNED_CERT_IN_CHAIN: { what: 'self-signed TLS certificate in chain', retryable: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { what: 'TLS certificate not verifiable', retryable: false },
  ERR_TLS_CERT_ALTNAME_INVALID: { what: 'TLS certificate does not match the host name', retryable: false },
};

/** Describe an error thrown by the network layer; unknown codes are treated as transient. */
export function describeNetworkError(err: unknown): { what: string; retryable: boolean } {
  const code = errorCode(err);
  const known = code ? NETWORK_ERRORS[code] : undefined;
  if (known) return known;
  const message = err instanceof Error ? err.message : String(err);
  return { what: code ? `${code}: ${message}` : message, retryable: true };
}

function errorCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}
