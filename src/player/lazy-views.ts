/**
 * The views that are not on the way to the first module (the final assessment, the results with the
 * radar and the action plan) load as their own chunks, so the first screen's code carries none of them.
 * The same loaders prefetch them from the menu, so they open without waiting when the learner gets there.
 * The knowledge check (with every question type's controls), the reflection, the self-assessment and
 * the module's completion page come after a module's pages: they are chunks of their own too, fetched
 * as soon as a module opens, so the first screen's code is smaller and a module's pages open as fast.
 */
import { lazy } from 'react';

const loadFinal = () => import('./final/FinalView.tsx');
const loadResults = () => import('./results/ResultsView.tsx');
const loadCheck = () => import('./check/CheckView.tsx');
const loadReflection = () => import('./reflection/ReflectionView.tsx');
const loadSelf = () => import('./self-assessment/SelfAssessmentView.tsx');
const loadCompleted = () => import('./completed/CompletedView.tsx');

export const FinalView = lazy(() => loadFinal().then((m) => ({ default: m.FinalView })));
export const ResultsView = lazy(() => loadResults().then((m) => ({ default: m.ResultsView })));
export const CheckView = lazy(() => loadCheck().then((m) => ({ default: m.CheckView })));
export const ReflectionView = lazy(() => loadReflection().then((m) => ({ default: m.ReflectionView })));
export const SelfAssessmentView = lazy(() => loadSelf().then((m) => ({ default: m.SelfAssessmentView })));
export const CompletedView = lazy(() => loadCompleted().then((m) => ({ default: m.CompletedView })));

/** Starts loading the knowledge check's code (from a module's pages); a failure is harmless, as above. */
export function prefetchCheck(): void {
  loadCheck().catch(() => {});
}

/** Starts loading the code of a module's steps after its pages, and of its completion page (from its pages). */
export function prefetchModuleSteps(): void {
  for (const load of [loadReflection, loadSelf, loadCompleted]) load().catch(() => {});
}

/** Starts loading the later views' code; a failure is harmless (the view loads it again when opened). */
export function prefetchLaterViews(): void {
  for (const load of [loadFinal, loadResults]) load().catch(() => {});
}
