import '@testing-library/jest-dom/vitest';
import { loadSavedState } from '../../src/engine/saved-state-loader.ts';

// In the player the saved-state code is its own chunk, loaded beside it; unit tests have it from the start
// (tests/unit/engine/saved-state-loading.test.ts runs without it).
await loadSavedState();
