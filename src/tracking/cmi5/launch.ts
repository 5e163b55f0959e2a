/**
 * The cmi5 launch (spec 8.1): the LMS opens the AU with five query parameters, in any order, each
 * URL-encoded. This reads them, strictly: a missing or malformed one is named, since a launch that
 * cannot be tracked must say so rather than track into the void.
 *
 *   endpoint      the LRS base URL for every xAPI request (a trailing "/" is added when missing)
 *   fetch         the one-time URL that gives the auth token (POST)
 *   actor         the learner, a JSON Agent with an account (9.2)
 *   registration  the enrolment, a UUID
 *   activityId    the AU's activity id (an IRI), the object of every cmi5 defined statement
 */

export interface Agent {
  objectType?: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

export type LaunchParse = { kind: 'cmi5'; launch: Cmi5Launch } | { kind: 'none' } | { kind: 'invalid'; problems: string[] };

export const CMI5_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function absoluteUrl(value: string): URL | undefined {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the launch parameters of a query string (`location.search`). None of them: not a cmi5 launch. */
export function parseLaunch(search: string): LaunchParse {
  const q = new URLSearchParams(search);
  const present = CMI5_PARAMETERS.filter((p) => q.has(p));
  if (!present.length) return { kind: 'none' };
  const problems: string[] = [];
  for (const p of CMI5_PARAMETERS) if (!q.get(p)) problems.push(`the launch URL has no ${p}`);

  const endpoint = q.get('endpoint') ? absoluteUrl(q.get('endpoint')!) : undefined;
  if (q.get('endpoint') && !endpoint) problems.push(`endpoint "${q.get('endpoint')}" is not an http(s) URL`);
  const fetchUrl = q.get('fetch') ? absoluteUrl(q.get('fetch')!) : undefined;
  if (q.get('fetch') && !fetchUrl) problems.push(`fetch "${q.get('fetch')}" is not an http(s) URL`);

  let actor: Agent | undefined;
  const rawActor = q.get('actor');
  if (rawActor) {
    try {
      actor = agentOf(JSON.parse(rawActor));
      if (!actor) problems.push('actor is not an Agent with an account (homePage and name), as cmi5 requires');
    } catch {
      problems.push('actor is not JSON');
    }
  }
  const registration = q.get('registration') ?? '';
  if (registration && !UUID.test(registration)) problems.push(`registration "${registration}" is not a UUID`);
  const activityId = q.get('activityId') ?? '';
  if (activityId && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId)) problems.push(`activityId "${activityId}" is not an IRI`);

  if (problems.length || !endpoint || !fetchUrl || !actor) return { kind: 'invalid', problems };
  const base = endpoint.href.endsWith('/') ? endpoint.href : `${endpoint.href}/`;
  return { kind: 'cmi5', launch: { endpoint: base, fetch: fetchUrl.href, actor, registration, activityId } };
}

/** The actor as given (it must be sent back unchanged), if it is an Agent with an account. */
function agentOf(value: unknown): Agent | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const a = value as Record<string, unknown>;
  if (a.objectType !== undefined && a.objectType !== 'Agent') return undefined;
  const account = a.account as Record<string, unknown> | undefined;
  if (!account || typeof account !== 'object' || typeof account.homePage !== 'string' || typeof account.name !== 'string') return undefined;
  if (!absoluteUrl(account.homePage) || !account.name) return undefined;
  return value as Agent;
}
