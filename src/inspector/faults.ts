/**
 * Simulated LMS faults for the preview: they wrap the methods of the API object the course talks to,
 * so the tracker meets exactly what a failing LMS would give it. Each can be switched off again.
 */
export type Fault = 'calls-fail' | 'commit-fails' | 'api-lost';

type Api = Record<string, unknown>;

const ORIGINALS = Symbol('inspector originals');
const ACTIVE = Symbol('inspector active faults');

interface Patched {
  [ORIGINALS]?: Map<string, unknown>;
  [ACTIVE]?: Set<Fault>;
}

const VALUE_METHODS = ['SetValue', 'GetValue', 'LMSSetValue', 'LMSGetValue'];
const COMMIT_METHODS = ['Commit', 'LMSCommit'];
const ERROR_METHODS = ['GetLastError', 'LMSGetLastError'];
const ALL_METHODS = [
  'Initialize',
  'Terminate',
  'LMSInitialize',
  'LMSFinish',
  ...VALUE_METHODS,
  ...COMMIT_METHODS,
  ...ERROR_METHODS,
  'GetErrorString',
  'GetDiagnostic',
  'LMSGetErrorString',
  'LMSGetDiagnostic',
];

/** The error code each fault reports: general exception (101) or general commit failure (391 in 2004). */
function faultCode(api: Api, fault: Fault): string {
  if (fault === 'commit-fails' && typeof api.Commit === 'function') return '391';
  return '101';
}

function rewire(api: Api & Patched): void {
  const originals = api[ORIGINALS]!;
  const active = api[ACTIVE]!;
  let lastFault: Fault | undefined;
  for (const name of ALL_METHODS) {
    const original = originals.get(name);
    if (typeof original !== 'function') continue;
    const call = (...args: unknown[]) => (original as (...a: unknown[]) => unknown).apply(api, args);
    api[name] = (...args: unknown[]) => {
      if (active.has('api-lost')) throw new Error('Simulated fault: the LMS API is gone');
      if (active.has('calls-fail') && VALUE_METHODS.includes(name))
        return ((lastFault = 'calls-fail'), name.includes('Get') ? '' : 'false');
      if (active.has('commit-fails') && COMMIT_METHODS.includes(name)) return ((lastFault = 'commit-fails'), 'false');
      if (ERROR_METHODS.includes(name) && lastFault) {
        const code = faultCode(api, lastFault);
        lastFault = undefined;
        return code;
      }
      lastFault = undefined;
      return call(...args);
    };
  }
}

export function setFault(api: object, fault: Fault, on: boolean): void {
  const target = api as Api & Patched;
  if (!target[ORIGINALS]) {
    target[ORIGINALS] = new Map(ALL_METHODS.map((m) => [m, target[m]]));
    target[ACTIVE] = new Set();
  }
  if (on) target[ACTIVE]!.add(fault);
  else target[ACTIVE]!.delete(fault);
  rewire(target);
}

export function activeFaults(api: object): Fault[] {
  return [...((api as Patched)[ACTIVE] ?? [])];
}
