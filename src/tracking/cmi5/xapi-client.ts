/**
 * A thin xAPI 1.0.3 client around `fetch`, with exactly what a cmi5 AU needs: the auth token (POST to the
 * one-time fetch URL), statements (POST a batch, PUT one, GET one by id), State API documents and the
 * learner-preferences agent profile. It never throws: every call resolves to what happened (status 0 for
 * a network failure or a timeout), so the queue above it decides what to retry.
 *
 * Why not @xapi/xapi or @xapi/cmi5: both send through axios and resolve or reject per call, with no way to
 * tell "refused" from "may have been stored" or to send on `keepalive` when the page goes away; the
 * reliability this course promises lives in that difference (see statement-queue.ts), and a few lines of
 * fetch keep the bundle small.
 */

export const XAPI_VERSION = '1.0.3';

export interface XapiResult {
  ok: boolean;
  /** HTTP status; 0 when no answer came (network down, timed out, refused by the browser). */
  status: number;
  body?: unknown;
  etag?: string;
  /** For the log: what went wrong. */
  error?: string;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface XapiClientOptions {
  /** The LRS base URL, ending in "/". */
  endpoint: string;
  fetch?: FetchLike;
  /** A request without an answer after this long counts as failed (its outcome is unknown). */
  timeoutMs?: number;
}

export interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Lets the request outlive the page (pagehide); the browser caps such bodies at 64 KiB in total. */
  keepalive?: boolean;
}

export class XapiClient {
  private auth: string | undefined;
  private readonly doFetch: FetchLike;

  constructor(private readonly o: XapiClientOptions) {
    this.doFetch = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** The auth token from the fetch URL, sent as the Authorization header (RFC 1945 Basic). */
  setAuthToken(token: string): void {
    this.auth = /^basic /i.test(token) ? token : `Basic ${token}`;
  }

  get endpoint(): string {
    return this.o.endpoint;
  }

  async request(method: 'GET' | 'PUT' | 'POST', resource: string, options: RequestOptions = {}): Promise<XapiResult> {
    const url = new URL(resource, this.o.endpoint);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION, ...options.headers };
    if (this.auth) headers.Authorization = this.auth;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    return send(
      this.doFetch,
      url.href,
      { method, headers, ...(body !== undefined ? { body } : {}), ...(options.keepalive ? { keepalive: true } : {}) },
      this.o.timeoutMs,
    );
  }
}

/** Runs one request to completion or timeout; reads a JSON body when there is one. */
export async function send(doFetch: FetchLike, url: string, init: RequestInit, timeoutMs = 30_000): Promise<XapiResult> {
  const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<XapiResult>((resolve) => {
    timer = setTimeout(() => {
      controller?.abort();
      resolve({ ok: false, status: 0, error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const attempt = (async (): Promise<XapiResult> => {
    try {
      const res = await doFetch(url, {
        ...init,
        ...(controller ? { signal: controller.signal } : {}),
        cache: 'no-store',
        credentials: 'omit',
      });
      const text = await res.text();
      let body: unknown = text || undefined;
      if (text && /json/i.test(res.headers.get('content-type') ?? '')) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const etag = res.headers.get('etag') ?? undefined;
      return {
        ok: res.ok,
        status: res.status,
        ...(body !== undefined ? { body } : {}),
        ...(etag ? { etag } : {}),
        ...(res.ok ? {} : { error: `HTTP ${res.status}${typeof body === 'string' ? `: ${body.slice(0, 200)}` : ''}` }),
      };
    } catch (e) {
      return { ok: false, status: 0, error: e instanceof Error ? e.message : String(e) };
    }
  })();
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type TokenResult = { ok: true; token: string } | { ok: false; reason: string; errorCode?: string; retryable: boolean };

/**
 * POSTs to the fetch URL once (8.2): `{"auth-token": "..."}` on success; `{"error-code": "1"}` when the
 * token was already handed out or the session expired. A network failure may be retried (the URL was not
 * used); an answer without a token may not.
 */
export async function fetchAuthToken(
  fetchUrl: string,
  doFetch: FetchLike = (i, n) => globalThis.fetch(i, n),
  timeoutMs = 30_000,
): Promise<TokenResult> {
  const r = await send(doFetch, fetchUrl, { method: 'POST' }, timeoutMs);
  if (r.status === 0) return { ok: false, reason: r.error ?? 'no answer from the fetch URL', retryable: true };
  const body = (r.body && typeof r.body === 'object' ? r.body : {}) as Record<string, unknown>;
  const token = body['auth-token'];
  if (r.ok && typeof token === 'string' && token) return { ok: true, token };
  const code = typeof body['error-code'] === 'string' || typeof body['error-code'] === 'number' ? String(body['error-code']) : undefined;
  return {
    ok: false,
    reason: code
      ? `the LMS refused the token (error-code ${code}: ${String(body['error-text'] ?? '')})`
      : `the fetch URL answered ${r.status} without a token`,
    ...(code ? { errorCode: code } : {}),
    retryable: r.status >= 500 && !code,
  };
}
