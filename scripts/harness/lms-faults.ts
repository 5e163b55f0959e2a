/**
 * Fault injection for the LMS harness page (lms-harness.ts, option `faults`): a thin wrapper around
 * the REAL scorm-again API object's methods, driven by a schedule the test sets and changes at run
 * time (`window.lmsFaults.set(schedule)` through `page.evaluate`). The wrapper makes a call throw,
 * answer "false" (GetLastError then reports the rule's code, 101 by default), answer `undefined`, take
 * its time (a busy wait, as a slow synchronous LMS does), or takes the API away from the window (every
 * call throws and `window.API` / `window.API_1484_11` is gone) until it comes back.
 *
 * Rules pick their calls by kind (Initialize, GetValue, SetValue, Commit, Terminate), by element, by
 * number (the n-th call the rule matches since the schedule was set) and by rate, drawn from a seeded
 * PRNG, so the same schedule over the same path hits the same calls.
 *
 * The oracle lives here too: after every Commit that SUCCEEDS (the real runtime's "true" with error 0,
 * no fault injected), what the LMS holds is snapshotted (`renderCMIToJSONObject`), so the test can
 * check that no later commit left the LMS holding less than an earlier one.
 */
import type { ScormVersion } from '../../src/targets/index.ts';

export type FaultKind = 'throw' | 'false' | 'undefined' | 'delay' | 'gone';
export type CallKind = 'initialize' | 'getValue' | 'setValue' | 'commit' | 'terminate';

export interface FaultRule {
  kind: FaultKind;
  /** Which calls the rule looks at (default: GetValue, SetValue and Commit). */
  calls?: CallKind[];
  /** For GetValue/SetValue: only elements matching this (a RegExp source). */
  element?: string;
  /** Only the rule's n-th matching calls (counted from 0 since `set`), from `from` up to, not with, `to`. */
  from?: number;
  to?: number;
  /** Each matching call in the window is hit with this probability (seeded PRNG); default: every one. */
  rate?: number;
  /** `delay`: how long the call takes (ms). `gone`: how long the API stays away (absent: until `back()`). */
  ms?: number;
  /** `false`: the error code GetLastError reports after the call (default 101). */
  error?: string;
}

export interface FaultSchedule {
  /** Seeds the PRNG of `rate` (default 1). */
  seed?: number;
  rules: FaultRule[];
}

export interface FaultStats {
  /** Calls made since the harness started (but the error-reporting ones). */
  calls: number;
  /** Calls a fault hit, in all and by kind. */
  faulted: number;
  byKind: Partial<Record<FaultKind, number>>;
}

/** What the LMS held after one successful Commit. */
export interface CommitSnapshot {
  /** The Commit's number among all calls. */
  call: number;
  cmi: Record<string, unknown>;
}

/** One call the course made, as the wrapper saw it. */
export interface SeenCall {
  name: string;
  element: string;
  /** The fault that hit it, if any. */
  fault?: FaultKind;
  /** The course frame's main heading when the call came (what the learner was looking at), or its loading state's text. */
  shown: string;
}

/** The page's interface, as the test calls it through `page.evaluate`. */
export interface LmsFaults {
  set(schedule: FaultSchedule): void;
  clear(): void;
  /** The API back on the window (after `gone`). */
  back(): void;
  stats(): FaultStats;
  snapshots(): CommitSnapshot[];
  seen(): SeenCall[];
}

const NAMES: Record<ScormVersion, Record<CallKind, string> & { getLastError: string }> = {
  '1.2': {
    initialize: 'LMSInitialize',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    terminate: 'LMSFinish',
    getLastError: 'LMSGetLastError',
  },
  '2004': {
    initialize: 'Initialize',
    getValue: 'GetValue',
    setValue: 'SetValue',
    commit: 'Commit',
    terminate: 'Terminate',
    getLastError: 'GetLastError',
  },
};

/**
 * The wrapper, as a script for the harness page. It runs after `api` (the real runtime, its calls
 * already recorded in `window.lmsCalls`) is made and before it is put on the window as `apiName`.
 */
export function faultScript(version: ScormVersion): string {
  const names = NAMES[version];
  const apiName = version === '1.2' ? 'API' : 'API_1484_11';
  return `
  (function () {
    var NAMES = ${JSON.stringify(names)};
    var kinds = Object.keys(NAMES).filter(function (k) { return k !== 'getLastError'; });
    var schedule = { rules: [] };
    var counts = [];
    var seed = 1;
    var forcedError;
    var goneUntil = 0;
    var calls = 0;
    var stats = { calls: 0, faulted: 0, byKind: {} };
    var snapshots = [];
    var seen = [];
    // mulberry32: small, fast and the same in every browser.
    function random() {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    function busyWait(ms) {
      var end = performance.now() + ms;
      while (performance.now() < end) { /* a synchronous LMS call that takes its time */ }
    }
    function shown() {
      try {
        var doc = document.getElementById('course').contentDocument;
        var h = doc && (doc.querySelector('h1') || doc.querySelector('.loading[role=status]'));
        return h ? h.textContent.replace(/\\s+/g, ' ').trim() : '';
      } catch (e) { return ''; }
    }
    function isGone() {
      if (goneUntil === 0) return false;
      if (Date.now() < goneUntil) return true;
      back();
      return false;
    }
    function back() {
      goneUntil = 0;
      window[${JSON.stringify(apiName)}] = api;
    }
    function count(kind) {
      stats.faulted++;
      stats.byKind[kind] = (stats.byKind[kind] || 0) + 1;
    }
    /** The first rule that hits this call (every rule counts the calls it matches, hit or not). */
    function pick(kind, element) {
      var hit;
      schedule.rules.forEach(function (rule, i) {
        var looks = rule.calls || ['getValue', 'setValue', 'commit'];
        if (looks.indexOf(kind) < 0) return;
        if (rule.element && !((kind === 'getValue' || kind === 'setValue') && new RegExp(rule.element).test(element))) return;
        var n = counts[i]++;
        if (hit || n < (rule.from || 0) || (rule.to !== undefined && n >= rule.to)) return;
        if (rule.rate !== undefined && !(random() < rule.rate)) return;
        hit = rule;
      });
      return hit;
    }
    kinds.forEach(function (kind) {
      var name = NAMES[kind];
      var real = api[name].bind(api);
      api[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var element = String(args[0] === undefined ? '' : args[0]);
        var call = calls++;
        stats.calls = calls;
        var note = { name: name, element: element, shown: shown() };
        seen.push(note);
        forcedError = undefined;
        if (isGone()) {
          note.fault = 'gone';
          count('gone');
          throw new Error('the LMS is gone');
        }
        var rule = pick(kind, element);
        if (rule) {
          note.fault = rule.kind;
          count(rule.kind);
          switch (rule.kind) {
            case 'throw':
              throw new Error('injected: ' + name + ' failed');
            case 'false':
              forcedError = rule.error || '101';
              return kind === 'getValue' ? '' : 'false';
            case 'undefined':
              forcedError = '0';
              return undefined;
            case 'delay':
              busyWait(rule.ms || 0);
              break;
            case 'gone':
              // The LMS frame goes away: the object is no longer on the window, and nothing answers.
              goneUntil = rule.ms ? Date.now() + rule.ms : Infinity;
              delete window[${JSON.stringify(apiName)}];
              if (rule.ms) setTimeout(function () { isGone(); }, rule.ms);
              throw new Error('the LMS is gone');
          }
        }
        var result = real.apply(null, args);
        if (kind === 'commit' && result === 'true' && String(api.lastErrorCode) === '0')
          snapshots.push({ call: call, cmi: JSON.parse(JSON.stringify(api.renderCMIToJSONObject())).cmi });
        return result;
      };
    });
    var realError = api[NAMES.getLastError].bind(api);
    api[NAMES.getLastError] = function () {
      return forcedError !== undefined ? forcedError : realError();
    };
    window.lmsFaults = {
      set: function (s) {
        schedule = { rules: (s && s.rules) || [] };
        counts = schedule.rules.map(function () { return 0; });
        seed = (s && s.seed) || 1;
      },
      clear: function () { this.set({ rules: [] }); },
      back: back,
      stats: function () { return JSON.parse(JSON.stringify(stats)); },
      snapshots: function () { return snapshots; },
      seen: function () { return seen; },
    };
  })();`;
}
