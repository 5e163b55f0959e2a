/**
 * An LMS-like parent page: it hosts scorm-again's runtime as the LMS side of the conversation (the
 * API object on the parent window, the course in an iframe under a sub-path), records every call the
 * course makes, and exposes the LMS's data. Used by the end-to-end tests and the benchmark.
 */
import { resolve } from 'node:path';

import type { ScormVersion } from '../../src/targets/index.ts';
import { faultScript } from './lms-faults.ts';

export type { ScormVersion };

/** URL prefix under which the harness serves scorm-again's browser builds. */
export const VENDOR_PREFIX = '/lms/vendor/';
export const VENDOR_DIR = resolve(import.meta.dirname, '../../node_modules/scorm-again/dist');

export interface HarnessOptions {
  version: ScormVersion;
  /** URL of the course's launch page, relative to the harness page or absolute on the same server. */
  courseUrl: string;
  /** CMI data the LMS already holds (a relaunch): scorm-again's JSON form. */
  initial?: Record<string, unknown>;
  /** Open the course in a pop-up window instead of an iframe. */
  popup?: boolean;
  /**
   * Wrap the API in the fault schedule of lms-faults.ts (`window.lmsFaults`), which also snapshots
   * what the LMS holds after every successful Commit.
   */
  faults?: boolean;
}

/** What the harness records of each call: the result and the error code after it, and when it came. */
export interface LmsCall {
  name: string;
  args: string[];
  result: string;
  error: string;
  /** When the call came (epoch ms, the same clock as the test's). */
  at: number;
}

export function harnessHtml(o: HarnessOptions): string {
  const global = o.version === '1.2' ? 'Scorm12API' : 'Scorm2004API';
  const apiName = o.version === '1.2' ? 'API' : 'API_1484_11';
  const script = o.version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style>
<script src="${VENDOR_PREFIX}${script}"></script>
<script>
  // The LMS: scorm-again with no server, holding the learner's data in memory.
  var api = new ${global}({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  var initial = ${JSON.stringify(o.initial ?? null)};
  if (initial) api.loadFromJSON(initial, '');
  window.lmsCalls = [];
  ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'].forEach(function (name) {
    if (typeof api[name] !== 'function') return;
    var original = api[name].bind(api);
    api[name] = function () {
      var result = original.apply(null, arguments);
      window.lmsCalls.push({ name: name, args: Array.prototype.slice.call(arguments), result: String(result), error: String(api.lastErrorCode), at: Date.now() });
      return result;
    };
  });
${o.faults ? faultScript(o.version) : ''}
  window.${apiName} = api;
  window.lmsData = function () { return JSON.parse(JSON.stringify(api.renderCMIToJSONObject())); };
  window.lmsState = function () { return { initialized: api.isInitialized(), terminated: api.isTerminated() }; };
</script></head>
<body>${o.popup ? `<button id="launch" type="button" onclick="window.open('${o.courseUrl}', 'course', 'width=1100,height=900')">Launch the course</button>` : `<iframe id="course" title="Course" src="${o.courseUrl}"></iframe>`}</body></html>`;
}
