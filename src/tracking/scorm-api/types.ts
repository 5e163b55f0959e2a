/**
 * The two run-time APIs a SCO talks to, exactly as the standards name them. Nothing here trusts the
 * LMS: every method may be missing, return something other than a string, or throw.
 */
import type { ScormVersion } from '../../targets/index.ts';

export type { ScormVersion };

/** SCORM 1.2 RTE 3.3: the object an LMS exposes as `window.API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** SCORM 2004 4th edition RTE 3.1: the object an LMS exposes as `window.API_1484_11`. */
export interface Scorm2004Api {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export type ScormApi = Scorm12Api | Scorm2004Api;

/** The name under which each version's API object is found on a window. */
export const API_NAME = { '1.2': 'API', '2004': 'API_1484_11' } as const satisfies Record<ScormVersion, string>;

/** The method names of each version, by role. */
export const METHODS = {
  '1.2': {
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    getLastError: 'LMSGetLastError',
    getErrorString: 'LMSGetErrorString',
    getDiagnostic: 'LMSGetDiagnostic',
  },
  '2004': {
    initialize: 'Initialize',
    terminate: 'Terminate',
    getValue: 'GetValue',
    setValue: 'SetValue',
    commit: 'Commit',
    getLastError: 'GetLastError',
    getErrorString: 'GetErrorString',
    getDiagnostic: 'GetDiagnostic',
  },
} as const;

export type MethodRole = keyof (typeof METHODS)['1.2'];
