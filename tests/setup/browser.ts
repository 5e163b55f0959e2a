import { loadSavedState } from '../../src/engine/saved-state-loader.ts';

// Browser tests encode and decode saved states in Node (an LMS's stored state, what it holds after a run):
// the saved-state code, its own chunk in the player, is loaded up front here as in the unit tests.
await loadSavedState();
