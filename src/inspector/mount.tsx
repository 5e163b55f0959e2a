/** Mounts the inspector in its own React root beside the course (dev server only). */
import { createRoot } from 'react-dom/client';
import { findApi } from '../tracking/scorm-api/discovery.ts';
import { storageKey } from '../tracking/adapters/standalone.ts';
import { TARGETS } from '../targets/index.ts';
import { Inspector, type InspectorProps } from './Inspector.tsx';

export function mountInspector(props: Omit<InspectorProps, 'api' | 'resetProgress' | 'navigate'>): void {
  const host = document.createElement('div');
  document.body.append(host);
  const version = TARGETS[props.target].scormVersion;
  const api = findApi(window, version)?.api;
  createRoot(host).render(
    <Inspector
      {...props}
      api={api}
      resetProgress={() => localStorage.removeItem(storageKey(props.course.id, version))}
      navigate={(url) => window.location.assign(url)}
    />,
  );
}
