/**
 * A cmi5 LMS for the tests: what a cmi5 LMS does around its LRS, done strictly.
 *
 *   launch()           registers a session and writes LMS.LaunchData (context template with a session id
 *                      and the publisher id, launch mode, mastery score, moveOn, return URL), then gives
 *                      the launch URL with endpoint, fetch, actor, registration and activityId
 *   POST /fetch/<key>  the auth token, once; afterwards {"error-code": "1"} (8.2.3)
 *   /lrs/...           the xAPI endpoint: Basic auth with the session's token; statements checked against
 *                      xAPI (@learninglocker/xapi-validation) and the cmi5 rules (cmi5-rules.ts), refused
 *                      with 400 on any violation (kept in `violations`), else stored; the State API with
 *                      ETags and If-Match / If-None-Match; LMS.LaunchData read-only to the AU; the learner
 *                      preferences agent profile (its reading is tracked; writing is refused with 403, as
 *                      an LMS may)
 *   /course/...        the built package, when `courseDir` is given (same origin as the endpoint)
 *   /lms?au=<url>      the LMS's page, with the AU in a frame
 *
 * Statements are kept in memory, or handed to a real LRS (Learning Locker's xapi-statements, started by
 * the tests) when `lrs` is given: the checks above still run first, as an LMS proxy would. Faults are
 * injected before anything is stored (`fault`), or after storing, with the answer lost (`lose-answer`),
 * which is what makes a retry "uncertain".
 *
 * Requests are handled in-process (`fetch`, for unit tests on fake timers) or over HTTP (`listen`, for the
 * browser).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import {
  accept,
  checkStatements,
  CMI5,
  newProgress,
  sameJson,
  type Json,
  type RegistrationFacts,
  type SessionFacts,
  type SessionProgress,
  type Violation,
} from './cmi5-rules.ts';

export interface LmsRequest {
  method: string;
  /** Path and query, e.g. `/lrs/statements?statementId=...`. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LmsResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export type Fault =
  | { kind: 'status'; status: number }
  /** No answer at all: the connection drops (the AU's fetch fails). */
  | { kind: 'down' }
  /** The request is carried out, but its answer is lost. */
  | { kind: 'lose-answer' }
  /** The answer waits until `release()` is called (a slow LRS, without a timer in the test). */
  | { kind: 'hold'; release: Promise<void> };

export interface FaultContext {
  resource: string;
  method: string;
  /** How many requests the endpoint has seen so far (0 for the first). */
  n: number;
  /** The request's body, if any (which statements a POST carries). */
  body?: string;
}

export interface LaunchOptions {
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
  /** The same registration as an earlier launch (a new session of it). */
  registration?: string;
  actor?: Json;
  languagePreference?: string;
  /** Where the AU is (default: the served course, or http://course.invalid/index.html). */
  auUrl?: string;
}

export interface Cmi5Session {
  key: string;
  token: string;
  tokenFetched: number;
  facts: SessionFacts;
  progress: SessionProgress;
  returnURL?: string;
  launchUrl: string;
}

interface StateDoc {
  body: string;
  contentType: string;
  etag: string;
}

export interface StoredStatement {
  statement: Json;
  stored: string;
  sessionKey: string;
}

export interface Cmi5LmsOptions {
  /** The built package to serve at /course/. */
  courseDir?: string;
  /** A real LRS (xAPI base URL ending in "/", with its Basic credentials) to store statements in. */
  lrs?: { endpoint: string; auth: string };
  /** The AU's publisher id (cmi5.xml `au id`). */
  publisherId?: string;
  fault?: (c: FaultContext) => Fault | undefined;
}

const json = (status: number, body: unknown, extra: Record<string, string> = {}): LmsResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export class Cmi5Lms {
  readonly sessions = new Map<string, Cmi5Session>();
  private readonly registrations = new Map<string, RegistrationFacts>();
  readonly statements: StoredStatement[] = [];
  readonly violations: (Violation & { sessionKey?: string })[] = [];
  /** Every request the endpoint saw, for assertions. */
  readonly requests: { method: string; resource: string; status: number; query: Record<string, string> }[] = [];
  private readonly state = new Map<string, StateDoc>();
  private readonly profiles = new Map<string, StateDoc>();
  private n = 0;
  /** Requests to the real LRS still on their way (real I/O, which fake time must not overtake). */
  private readonly outside = new Set<Promise<unknown>>();
  private server: Server | undefined;
  base = 'http://lms.invalid';
  fault: Cmi5LmsOptions['fault'];

  constructor(private readonly o: Cmi5LmsOptions = {}) {
    this.fault = o.fault;
  }

  get publisherId(): string {
    return this.o.publisherId ?? 'urn:course:sample-course:au';
  }

  /** A new launch session (and registration, unless one is given): its launch URL. */
  launch(options: LaunchOptions = {}): Cmi5Session {
    const key = randomUUID();
    const registration = options.registration ?? randomUUID();
    const actor = options.actor ?? {
      objectType: 'Agent',
      name: 'Kim Jensen',
      account: { homePage: 'https://lms.example.org', name: 'learner-1625378' },
    };
    const sessionId = randomUUID();
    const activityId = `https://lms.example.org/activities/${createHash('sha1').update(this.publisherId).digest('hex').slice(0, 12)}`;
    const contextTemplate = {
      contextActivities: { grouping: [{ objectType: 'Activity', id: this.publisherId }] },
      extensions: { [CMI5.sessionId]: sessionId },
    };
    const launchMode = options.launchMode ?? 'Normal';
    const facts: SessionFacts = {
      actor,
      registration,
      activityId,
      sessionId,
      launchMode,
      contextTemplate,
      ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
    };
    const launchData = {
      contextTemplate,
      launchMode,
      moveOn: options.moveOn ?? 'CompletedAndPassed',
      ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
      ...(options.returnURL ? { returnURL: options.returnURL } : {}),
    };
    this.putDoc(
      this.state,
      this.stateKey(activityId, actor, registration, 'LMS.LaunchData'),
      JSON.stringify(launchData),
      'application/json',
    );
    if (options.languagePreference)
      this.putDoc(
        this.profiles,
        this.profileKey(actor, 'cmi5LearnerPreferences'),
        JSON.stringify({ languagePreference: options.languagePreference, audioPreference: 'on' }),
        'application/json',
      );
    if (!this.registrations.has(registration)) this.registrations.set(registration, { completed: false, passed: false });
    const au = options.auUrl ?? (this.o.courseDir ? `${this.base}/course/index.html` : 'http://course.invalid/index.html');
    const q = new URLSearchParams({
      endpoint: `${this.base}/lrs/`,
      fetch: `${this.base}/fetch/${key}`,
      actor: JSON.stringify(actor),
      registration,
      activityId,
    });
    const s: Cmi5Session = {
      key,
      token: '',
      tokenFetched: 0,
      facts,
      progress: newProgress(),
      launchUrl: `${au}?${q}`,
      ...(options.returnURL ? { returnURL: options.returnURL } : {}),
    };
    this.sessions.set(key, s);
    return s;
  }

  /** The statements stored for a registration, in the order they were stored. */
  statementsOf(registration: string): Json[] {
    return this.statements.filter((s) => (s.statement.context as Json | undefined)?.registration === registration).map((s) => s.statement);
  }

  /** A state document as the AU left it (parsed JSON), if any. */
  stateOf(session: Cmi5Session, stateId: string): unknown {
    const d = this.state.get(this.stateKey(session.facts.activityId, session.facts.actor, session.facts.registration, stateId));
    return d ? JSON.parse(d.body) : undefined;
  }

  /**
   * Resolves once no request to the real LRS is on its way. Tests on fake timers call it before letting
   * time pass: otherwise the clock races past a real answer and the AU's own timeout fires on a request
   * that was about to succeed (a lost answer the test did not ask for).
   */
  /** Whether statements go to a real LRS (real I/O). */
  get realLrs(): boolean {
    return !!this.o.lrs;
  }

  async quiet(): Promise<void> {
    while (this.outside.size) await Promise.allSettled([...this.outside]);
  }

  private viaLrs(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
    const p = lrsRequest(this.o.lrs!, method, path, body);
    this.outside.add(p);
    void p.finally(() => this.outside.delete(p)).catch(() => undefined);
    return p;
  }

  /** Fetch for the AU, handled in-process. */
  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const u = new URL(input);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k.toLowerCase()] = v));
    const res = await this.handle({
      method: (init.method ?? 'GET').toUpperCase(),
      url: u.pathname + u.search,
      headers,
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
    });
    if (res.status === -1) throw new TypeError('Failed to fetch (connection dropped)');
    const body =
      res.status === 204 || res.status === 304 || res.body === undefined
        ? null
        : typeof res.body === 'string'
          ? res.body
          : new Uint8Array(res.body);
    return new Response(body, { status: res.status, headers: res.headers });
  };

  async handle(req: LmsRequest): Promise<LmsResponse> {
    const url = new URL(req.url, this.base);
    const path = url.pathname;
    if (req.method === 'OPTIONS') return { status: 204, headers: cors() };
    if (path.startsWith('/fetch/')) return this.fetchToken(req, path.slice(7));
    if (path.startsWith('/course/')) return this.serve(path.slice(8));
    if (path === '/lms') return this.lmsPage(url.searchParams.get('au') ?? '');
    if (!path.startsWith('/lrs/')) return json(404, { error: 'no such resource' });
    const resource = path.slice(5);
    const query = Object.fromEntries(url.searchParams);
    const fault = this.fault?.({ resource, method: req.method, n: this.n++, ...(req.body !== undefined ? { body: req.body } : {}) });
    const record = (status: number) => this.requests.push({ method: req.method, resource, status, query });
    if (fault?.kind === 'down') {
      record(-1);
      return { status: -1, headers: {} };
    }
    if (fault?.kind === 'status') {
      record(fault.status);
      return json(fault.status, { error: `injected ${fault.status}` });
    }
    if (fault?.kind === 'hold') await fault.release;
    const res = await this.lrs(req, resource, query);
    record(res.status);
    if (fault?.kind === 'lose-answer') return { status: -1, headers: {} };
    return { ...res, headers: { ...cors(), ...res.headers } };
  }

  /** The LMS's own page: the AU in a frame, as an LMS opens an AnyWindow AU. */
  private lmsPage(au: string): LmsResponse {
    const attr = au.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>LMS</title></head><body><iframe id="au" title="Course" style="width:1200px;height:900px" src="${attr}"></iframe></body></html>`,
    };
  }

  private fetchToken(req: LmsRequest, key: string): LmsResponse {
    const s = this.sessions.get(key);
    if (!s) return json(200, { 'error-code': '2', 'error-text': 'unknown launch' });
    if (req.method !== 'POST') {
      this.violations.push({ requirement: '8.2.1.0-2', message: `the fetch URL was called with ${req.method}`, sessionKey: key });
      return json(405, { error: 'POST only' });
    }
    s.tokenFetched++;
    if (s.tokenFetched > 1) return json(200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
    s.token = Buffer.from(`${key}:${randomUUID()}`).toString('base64');
    return json(200, { 'auth-token': s.token });
  }

  private sessionOf(req: LmsRequest): Cmi5Session | undefined {
    const auth = req.headers.authorization ?? '';
    for (const s of this.sessions.values()) if (s.token && auth === `Basic ${s.token}`) return s;
    return undefined;
  }

  private async lrs(req: LmsRequest, resource: string, query: Record<string, string>): Promise<LmsResponse> {
    if (req.headers['x-experience-api-version'] === undefined) return json(400, { error: 'X-Experience-API-Version header missing' });
    const s = this.sessionOf(req);
    if (!s) {
      this.violations.push({ requirement: '8.1.2.0-5', message: `${req.method} ${resource} without the session's token` });
      return json(401, { error: 'unauthorised' });
    }
    if (s.progress.terminated) {
      this.violations.push({ requirement: '8.1.2.0-2', message: `${req.method} ${resource} after terminated`, sessionKey: s.key });
      return json(401, { error: 'the session has ended' });
    }
    const f = s.facts;
    const parseAgent = (name: string) => {
      try {
        return JSON.parse(query[name] ?? 'null') as Json;
      } catch {
        return undefined;
      }
    };
    if (resource === 'statements') {
      if (req.method === 'GET') {
        if (this.o.lrs) {
          // The real LRS answers reads: what it holds is the truth.
          const r = await this.viaLrs('GET', `statements?${new URLSearchParams(query)}`);
          return { status: r.status, headers: { 'content-type': 'application/json' }, body: r.body };
        }
        const found = query.statementId ? this.statements.find((x) => x.statement.id === query.statementId) : undefined;
        if (query.statementId) return found ? json(200, found.statement) : json(404, { error: 'no such statement' });
        const reg = query.registration;
        return json(200, {
          statements: this.statements.filter((x) => !reg || (x.statement.context as Json)?.registration === reg).map((x) => x.statement),
          more: '',
        });
      }
      if (req.method !== 'POST' && req.method !== 'PUT') return json(405, { error: 'method' });
      let body: unknown;
      try {
        body = JSON.parse(req.body ?? '');
      } catch {
        return json(400, { error: 'not JSON' });
      }
      let list = (Array.isArray(body) ? body : [body]) as Json[];
      if (req.method === 'PUT') {
        if (!query.statementId || list.length !== 1) return json(400, { error: 'PUT needs one statement and statementId' });
        list = [{ ...list[0], id: list[0]!.id ?? query.statementId }];
      }
      // An id the LRS has: the same statement is no error (204 for PUT), another one under it is 409.
      const known = list.filter((st) => this.statements.some((x) => x.statement.id === st.id));
      for (const st of known)
        if (!sameJson(this.statements.find((x) => x.statement.id === st.id)!.statement, st))
          return json(409, { error: `statement ${String(st.id)} exists with other content` });
      if (known.length && req.method === 'POST') return json(409, { error: 'statements exist already' });
      const fresh = list.filter((st) => !known.includes(st));
      const reg = this.registrations.get(f.registration)!;
      const violations = checkStatements(fresh, f, s.progress, reg);
      if (violations.length) {
        this.violations.push(...violations.map((v) => ({ ...v, sessionKey: s.key })));
        return json(400, { error: violations.map((v) => `${v.requirement}: ${v.message}`).join('; ') });
      }
      if (this.o.lrs && fresh.length) {
        const r = await this.viaLrs('POST', 'statements', JSON.stringify(fresh));
        if (r.status !== 200 && r.status !== 204) return json(r.status, { error: `the LRS answered ${r.status}: ${r.body}` });
      }
      const stored = new Date().toISOString();
      for (const st of fresh) this.statements.push({ statement: st, stored, sessionKey: s.key });
      accept(fresh, s.progress, reg);
      return req.method === 'PUT'
        ? { status: 204, headers: {} }
        : json(
            200,
            list.map((st) => st.id),
          );
    }
    if (resource === 'activities/state') {
      const agent = parseAgent('agent');
      if (!sameJson(agent, f.actor))
        this.violations.push({ requirement: '8.1.3.0-3', message: 'state request for another agent', sessionKey: s.key });
      if (query.registration !== undefined && query.registration !== f.registration)
        this.violations.push({ requirement: '8.1.4.0-3', message: 'state request for another registration', sessionKey: s.key });
      if (query.activityId !== f.activityId) return json(400, { error: 'activityId' });
      if (!query.stateId) return json(400, { error: 'stateId needed' });
      const key = this.stateKey(query.activityId, agent, query.registration ?? '', query.stateId);
      if (query.stateId === 'LMS.LaunchData' && req.method !== 'GET') {
        this.violations.push({ requirement: '10.2.1.0-5', message: `${req.method} on LMS.LaunchData`, sessionKey: s.key });
        return json(403, { error: 'LMS.LaunchData is the LMS’s' });
      }
      return this.document(this.state, key, req);
    }
    if (resource === 'agents/profile') {
      const agent = parseAgent('agent');
      if (!sameJson(agent, f.actor))
        this.violations.push({ requirement: '11.0.0.0-1', message: 'agent profile request for another agent', sessionKey: s.key });
      if (query.profileId !== 'cmi5LearnerPreferences')
        return this.document(this.profiles, this.profileKey(agent, query.profileId ?? ''), req);
      if (req.method === 'GET') {
        s.progress.learnerPrefsFetched = true;
        return this.document(this.profiles, this.profileKey(agent, query.profileId), req);
      }
      let doc: Json | undefined;
      try {
        doc = JSON.parse(req.body ?? '') as Json;
      } catch {
        doc = undefined;
      }
      if (
        !/^application\/json/.test(req.headers['content-type'] ?? '') ||
        !doc ||
        doc.languagePreference === undefined ||
        doc.audioPreference === undefined
      )
        this.violations.push({
          requirement: '11.0.0.0-5',
          message: 'learner preferences written without both properties, or not as JSON',
          sessionKey: s.key,
        });
      else if (!/^[-A-Za-z0-9]+(,[-A-Za-z0-9]+)*$/.test(String(doc.languagePreference)))
        this.violations.push({
          requirement: '11.1.0.0-1',
          message: `languagePreference "${String(doc.languagePreference)}"`,
          sessionKey: s.key,
        });
      return json(403, { error: 'the learner preferences are kept by the LMS' });
    }
    return json(404, { error: `no resource ${resource}` });
  }

  /** A document resource with ETags (xAPI concurrency: If-Match, If-None-Match). */
  private document(store: Map<string, StateDoc>, key: string, req: LmsRequest): LmsResponse {
    const have = store.get(key);
    if (req.method === 'GET')
      return have
        ? { status: 200, headers: { 'content-type': have.contentType, etag: have.etag }, body: have.body }
        : json(404, { error: 'no document' });
    if (req.method === 'DELETE') {
      store.delete(key);
      return { status: 204, headers: {} };
    }
    if (req.method !== 'PUT' && req.method !== 'POST') return json(405, { error: 'method' });
    const ifMatch = req.headers['if-match'];
    const ifNone = req.headers['if-none-match'];
    if (ifMatch !== undefined && (!have || have.etag !== ifMatch)) return json(412, { error: 'precondition failed' });
    if (ifNone === '*' && have) return json(412, { error: 'the document exists' });
    const contentType = req.headers['content-type'] ?? 'application/octet-stream';
    if (/json/.test(contentType)) {
      try {
        JSON.parse(req.body ?? '');
      } catch {
        return json(400, { error: 'Content-Type says JSON, the body is not' });
      }
    }
    const doc = this.putDoc(store, key, req.body ?? '', contentType);
    return { status: 204, headers: { etag: doc.etag } };
  }

  private putDoc(store: Map<string, StateDoc>, key: string, body: string, contentType: string): StateDoc {
    const doc = { body, contentType, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
    store.set(key, doc);
    return doc;
  }

  private stateKey(activityId: string, agent: unknown, registration: string, stateId: string): string {
    return JSON.stringify([activityId, agentKey(agent), registration, stateId]);
  }

  private profileKey(agent: unknown, profileId: string): string {
    return JSON.stringify([agentKey(agent), profileId]);
  }

  private async serve(rel: string): Promise<LmsResponse> {
    if (!this.o.courseDir) return json(404, { error: 'no course served' });
    const clean = normalize(decodeURIComponent(rel)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(this.o.courseDir, clean));
      return { status: 200, headers: { 'content-type': MIME[extname(clean)] ?? 'application/octet-stream' }, body };
    } catch {
      return json(404, { error: 'not found' });
    }
  }

  /** Serves the LMS over HTTP on 127.0.0.1 (an ephemeral port). */
  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.serveHttp(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.base;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
    const out = await this.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers, ...(body !== undefined ? { body } : {}) });
    if (out.status === -1) {
      req.socket.destroy();
      return;
    }
    res.writeHead(out.status, out.headers);
    res.end(out.body);
  }
}

/** A request to the real LRS over node:http (whatever `fetch` the test environment installs). */
function lrsRequest(
  lrs: { endpoint: string; auth: string },
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(path, lrs.endpoint);
  return new Promise((ok, fail) => {
    const req = httpRequest(
      url,
      {
        method,
        headers: {
          authorization: lrs.auth,
          'x-experience-api-version': '1.0.3',
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** What the real LRS holds for a registration (every statement, following `more`). */
export async function lrsStatements(lrs: { endpoint: string; auth: string }, registration: string): Promise<Json[]> {
  const out: Json[] = [];
  let path = `statements?${new URLSearchParams({ registration, ascending: 'true', limit: '500' })}`;
  for (let i = 0; i < 20 && path; i++) {
    const r = await lrsRequest(lrs, 'GET', path);
    if (r.status !== 200) throw new Error(`the LRS answered ${r.status}: ${r.body}`);
    const page = JSON.parse(r.body) as { statements: Json[]; more?: string };
    out.push(...page.statements);
    path = page.more ? new URL(page.more, lrs.endpoint).href.replace(lrs.endpoint, '') : '';
  }
  return out;
}

function agentKey(agent: unknown): string {
  const a = (agent ?? {}) as Json;
  const account = a.account as Json | undefined;
  return account ? `account:${String(account.homePage)}|${String(account.name)}` : `mbox:${String(a.mbox)}`;
}

function cors(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, PUT, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
    'access-control-expose-headers': 'ETag, X-Experience-API-Version',
  };
}
