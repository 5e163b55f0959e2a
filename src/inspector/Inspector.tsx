/**
 * The authors' inspector, in the dev server only (never in a package): the live SCORM data model, the
 * call log with error codes, and controls to reset progress, jump to any module or page, switch SCORM
 * version and language, and simulate LMS faults. Opened by its button or Alt+Shift+I.
 */
import { TARGET_IDS, TARGETS, type TargetId } from '../targets/index.ts';
import { useEffect, useState } from 'react';
import { useSelector } from '@xstate/react';
import type { Course } from '../content-model/types.ts';
import type { CourseActor } from '../session/index.ts';
import { getScormCallLog, onScormCall, type CallLogEntry } from '../tracking/index.ts';
import { activeFaults, setFault, type Fault } from './faults.ts';
import { previewUrl } from './preview-url.ts';
import './inspector.css';

export interface InspectorProps {
  actor: CourseActor;
  course: Course;
  target: TargetId;
  language: string;
  /** The API object the course talks to (the LMS's, or the standalone runtime). */
  api: object | undefined;
  /** Clears the saved progress of this preview. */
  resetProgress: () => void;
  /** Navigates (the dev server reloads the course with new parameters). */
  navigate: (url: string) => void;
}

const FAULTS: { fault: Fault; label: string }[] = [
  { fault: 'calls-fail', label: 'GetValue/SetValue fail' },
  { fault: 'commit-fails', label: 'Commit fails' },
  { fault: 'api-lost', label: 'API lost' },
];

function useCallLog(): readonly CallLogEntry[] {
  const [calls, setCalls] = useState(() => [...getScormCallLog()]);
  useEffect(() => onScormCall(() => setCalls([...getScormCallLog()])), []);
  return calls;
}

/** The data model as the course wrote it: the last value set for each element. */
export function dataModelFromCalls(calls: readonly CallLogEntry[]): [string, string][] {
  const values = new Map<string, string>();
  for (const c of calls)
    if ((c.method === 'SetValue' || c.method === 'LMSSetValue') && c.error === 0 && c.args[0]) values.set(c.args[0], c.args[1] ?? '');
  return [...values].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}

export function Inspector(props: InspectorProps) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<'model' | 'calls' | 'controls'>('model');
  const calls = useCallLog();
  const state = useSelector(props.actor, (s) => JSON.stringify(s.value));
  const [faults, setFaults] = useState<Fault[]>(() => (props.api ? activeFaults(props.api) : []));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === 'KeyI') setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toggleFault = (fault: Fault, on: boolean) => {
    if (!props.api) return;
    setFault(props.api, fault, on);
    setFaults(activeFaults(props.api));
  };
  const go = (change: Record<string, string | undefined>) => props.navigate(previewUrl(window.location.href, change));

  return (
    <aside className="inspector" aria-label="Inspector">
      <button type="button" className="inspector__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Inspector
      </button>
      {open && (
        <div className="inspector__panel">
          <p className="inspector__status">
            {TARGETS[props.target].label} · state <code>{state}</code> · {calls.length} calls
            {faults.length ? ` · faults: ${faults.join(', ')}` : ''}
          </p>
          <div role="tablist" aria-label="Inspector views">
            {(['model', 'calls', 'controls'] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                {{ model: 'Data model', calls: 'Call log', controls: 'Controls' }[t]}
              </button>
            ))}
          </div>
          {tab === 'model' && (
            <table className="inspector__table">
              <caption>Values the course has set in the LMS</caption>
              <thead>
                <tr>
                  <th scope="col">Element</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {dataModelFromCalls(calls).map(([k, v]) => (
                  <tr key={k}>
                    <td>
                      <code>{k}</code>
                    </td>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {tab === 'calls' && (
            <table className="inspector__table">
              <caption>Every call to the LMS API, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Call</th>
                  <th scope="col">Result</th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {[...calls]
                  .reverse()
                  .slice(0, 300)
                  .map((c) => (
                    <tr key={c.seq} className={c.error !== 0 ? 'inspector__error' : undefined}>
                      <td>{c.seq}</td>
                      <td>
                        <code>
                          {c.method}({c.args.join(', ')})
                        </code>
                      </td>
                      <td>{c.result ?? c.threw ?? c.refused ?? ''}</td>
                      <td>
                        {c.error}
                        {c.errorString ? ` ${c.errorString}` : ''}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          {tab === 'controls' && (
            <div className="inspector__controls">
              <button
                type="button"
                onClick={() => {
                  props.resetProgress();
                  go({ jump: undefined });
                }}
              >
                Reset progress
              </button>
              <label>
                Jump to{' '}
                <select aria-label="Jump to" defaultValue="" onChange={(e) => e.target.value && go({ jump: e.target.value })}>
                  <option value="">choose a place…</option>
                  <option value="menu">Menu</option>
                  {props.course.modules.flatMap((m) =>
                    m.pages.map((p) => <option key={`${m.id}/${p.id}`} value={`${m.id}/${p.id}`}>{`${m.id} / ${p.id}`}</option>),
                  )}
                  <option value="final">Final assessment</option>
                  <option value="results">Results</option>
                </select>
              </label>
              <label>
                Package target{' '}
                <select aria-label="Package target" value={props.target} onChange={(e) => go({ target: e.target.value, jump: undefined })}>
                  {TARGET_IDS.map((t) => (
                    <option key={t} value={t}>
                      {TARGETS[t].label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Language{' '}
                <select aria-label="Language" value={props.language} onChange={(e) => go({ lang: e.target.value, jump: undefined })}>
                  {props.course.languages.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset>
                <legend>Simulate LMS faults</legend>
                {FAULTS.map(({ fault, label }) => (
                  <label key={fault}>
                    <input
                      type="checkbox"
                      checked={faults.includes(fault)}
                      disabled={!props.api}
                      onChange={(e) => toggleFault(fault, e.target.checked)}
                    />{' '}
                    {label}
                  </label>
                ))}
              </fieldset>
            </div>
          )}
        </div>
      )}
    </aside>
  );
}
