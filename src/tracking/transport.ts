/**
 * The seam between WHAT the session reports and HOW one kind of LMS stores it.
 *
 * The session (session.ts) follows the course machine (follow.ts) and hands a transport, in order:
 * the learner's interactions (each once, oldest first) and the current state (a transport-neutral
 * `Report`: status, score, objectives, location, saved state). The transport turns them into its own
 * protocol: SCORM data-model elements through the run-time API (adapters/scorm-transport.ts), or, for
 * a new target, xAPI statements. It tells the session what was accepted and made durable; the
 * session decides when to send, retries, follows the page lifecycle and tells the learner.
 */
import type { InteractionReport, Report } from './report.ts';

/** An interaction with its place in the session's journal (1, 2, 3, ... in the order they happened). */
export interface Journaled {
  seq: number;
  report: InteractionReport;
}

/** What to send: every interaction not yet acknowledged, then the state. */
export interface Batch {
  interactions: readonly Journaled[];
  /** The state to report; absent when the stored state must be left alone (see `keepSaved`). */
  report?: Report;
  /** The stored saved state could not be read and the learner has not replaced it: do not overwrite it. */
  keepSaved: boolean;
  /** The learner's language choice, to store as their preference. */
  language?: string;
}

export interface Delivery {
  /** Everything that matters in the batch is stored and made durable. */
  ok: boolean;
  /** How many of the batch's interactions (from the first) are stored; the session drops them. */
  delivered: number;
  /** The other side is gone: nothing more can be sent in this session. */
  lost: boolean;
  /** The saved state was held back because it is over what the LMS can keep. */
  tooLong: boolean;
  /**
   * The LMS holds saved progress that could not be read at launch and differs from this session's: it
   * is left alone (never replaced by a poorer one) for the rest of the session.
   */
  savedElsewhere: boolean;
  /**
   * An asynchronous transport (cmi5 over HTTP) has taken the batch and keeps it, but the other side has
   * not acknowledged it yet: the session shows "saving" and waits for `onSettled` instead of retrying.
   */
  pending?: boolean;
}

export interface Transport {
  /** Whether this session stores anything (an open session, in normal mode). */
  readonly recording: boolean;
  /** Whether the connection is open (also in review or browse mode). */
  readonly open: boolean;
  /** Whether the other side is gone. */
  readonly lost: boolean;
  /** At launch, once, in normal mode: the attempt has begun. */
  begin(): Delivery;
  /** Sends the batch (only what changed) and makes it durable. */
  deliver(batch: Batch): Delivery;
  /**
   * The end of a visit (the page is left, or the learner exits): the batch, how the visit ends
   * (finished, or suspended to resume) and the session time, made durable. The session stays open.
   */
  settle(batch: Batch, finished: boolean, sessionMs: number): Delivery;
  /**
   * Closes the session, once (SCORM forbids opening it again in this page). `leaving`: the page is going
   * away (pagehide), so an asynchronous transport cannot wait for answers.
   */
  terminate(leaving?: boolean): void;
  /**
   * An asynchronous transport tells the session when what it took is acknowledged (`ok`), or that a send
   * failed (it keeps what it took and retries on its own). Returns a function that stops listening.
   */
  onSettled?(listener: (ok: boolean) => void): () => void;
}
