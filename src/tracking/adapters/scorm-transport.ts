/**
 * The SCORM transport: how a batch of the session's reports becomes SCORM data-model elements, through
 * one version's Dialect and the run-time API connection.
 *
 *   batch ─► interactions (appended at sequential indices, id first) ─► objectives (id first)
 *         ─► score ─► status ─► location ─► suspend data ─► exit ─► Commit
 *
 * It keeps a LEDGER of what the LMS holds, element by element:
 * - only changed elements are sent (a slow LMS is asked as little as possible);
 * - an element whose launch read failed is UNKNOWN, never empty: it is read again before anything is
 *   written over it, and a status, score or progress is never written lower than the LMS holds;
 * - indices are sequential and never skip: a new interaction or objective gets the next index only
 *   once the previous one's id is stored, and a failed id write is retried at the same index;
 * - after a failed Commit the state elements set since the last good one are sent again.
 */
import type { Logger } from '../log.ts';
import type { InteractionReport, Report } from '../report.ts';
import type { CallResult, ScormConnection } from '../scorm-api/connection.ts';
import type { Batch, Delivery, Journaled, Transport } from '../transport.ts';
import { readObjectiveIds, readValue, type Dialect, type LmsStart, type Write } from './dialect.ts';

const OBJECTIVE_ELEMENT = /^cmi\.objectives\.(\d+)\./;
/** Data-model errors: the LMS understood and refused this value; sending it again will not help. */
const isRejection = (error: number) => error >= 400 && error < 500;
/** How often one SetValue is tried within a flush before the flush counts as failed. */
const SET_TRIES = 2;

export interface ScormTransportOptions {
  dialect: Dialect;
  connection: ScormConnection;
  lms: LmsStart;
  /** The suspend-data limit enforced (the spec's, or more for browser storage). */
  suspendDataLimit: number;
  /** The session started without the LMS's saved state because it could not be read. */
  savedUnknown?: boolean;
  logger: Logger;
}

interface Outcome {
  ok: boolean;
  delivered: number;
  tooLong: boolean;
}

export class ScormTransport implements Transport {
  private readonly o: ScormTransportOptions;
  /** What the LMS holds, element by element (seeded from launch, updated on every accepted SetValue). */
  private readonly held = new Map<string, string>();
  /** Elements whose value could not be read: read again before anything is written over them. */
  private readonly unknown = new Set<string>();
  /** Values the LMS refused as invalid, not sent again. */
  private readonly rejected = new Map<string, string>();
  /** State elements set since the last successful Commit (sent again if that Commit fails). */
  private readonly uncommitted = new Set<string>();
  private readonly resend = new Set<string>();
  private readonly objectiveIndex = new Map<string, number>();
  private objectivesKnown: boolean;
  /** Objectives that existed at launch: their values are read before they are written over. */
  private launchObjectives: number;
  private nextObjective = 0;
  private interactionsKnown: boolean;
  private nextInteraction = 0;
  /** Interactions whose id is stored, by journal number, and revisable texts by slot. */
  private readonly interactionIndex = new Map<number, number>();
  private readonly slotIndex = new Map<string, number>();
  private savedElsewhere = false;
  private terminated = false;

  constructor(options: ScormTransportOptions) {
    this.o = options;
    const { lms, dialect } = options;
    for (const [element, value] of Object.entries(lms.status)) this.held.set(element, value);
    for (const element of lms.unknown) this.unknown.add(element);
    this.objectivesKnown = lms.objectiveIds !== undefined;
    this.launchObjectives = lms.objectiveIds?.length ?? 0;
    this.seedObjectives(lms.objectiveIds ?? []);
    this.interactionsKnown = lms.interactionCount !== undefined;
    this.nextInteraction = lms.interactionCount ?? 0;
    if (!this.unknown.has(dialect.suspendData)) this.held.set(dialect.suspendData, lms.suspendData ?? '');
    if (!this.unknown.has(dialect.location)) this.held.set(dialect.location, lms.location ?? '');
    if (lms.language) this.held.set(dialect.languageWrite('')[0], lms.language);
  }

  get open(): boolean {
    return this.o.connection.state === 'initialised' && !this.terminated;
  }

  get recording(): boolean {
    return this.open && this.o.lms.mode === 'normal';
  }

  get lost(): boolean {
    return this.o.connection.lost;
  }

  begin(): Delivery {
    if (!this.recording) return this.result({ ok: true, delivered: 0, tooLong: false });
    const writes = this.o.dialect.launchWrites((e) => this.known(e)).filter(([e, v]) => this.held.get(e) !== v);
    if (!writes.length) return this.result({ ok: true, delivered: 0, tooLong: false });
    let ok = true;
    for (const [e, v] of writes) ok = this.set(e, v).ok && ok;
    return this.result({ ok: this.commit() && ok, delivered: 0, tooLong: false });
  }

  deliver(batch: Batch): Delivery {
    if (!this.recording || !this.o.connection.recheck()) return this.result({ ok: false, delivered: 0, tooLong: false });
    const out = this.writeAll(batch);
    return this.result({ ...out, ok: this.commit() && out.ok });
  }

  settle(batch: Batch, finished: boolean, sessionMs: number): Delivery {
    if (!this.recording || !this.o.connection.recheck()) return this.result({ ok: false, delivered: 0, tooLong: false });
    const out = this.writeAll(batch);
    let ok = out.ok;
    for (const [e, v] of this.o.dialect.exitWrites(finished, sessionMs)) ok = this.put(e, v) && ok;
    return this.result({ ...out, ok: this.commit() && ok });
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    if (this.o.connection.state === 'initialised') this.o.connection.terminate();
  }

  private result(out: Outcome): Delivery {
    return { ...out, lost: this.o.connection.lost, savedElsewhere: this.savedElsewhere };
  }

  private commit(): boolean {
    const ok = this.o.connection.commit().ok;
    if (ok) this.uncommitted.clear();
    else for (const e of this.uncommitted) this.resend.add(e);
    return ok;
  }

  /** Interactions, then the state. `ok` is false when something that matters was not stored. */
  private writeAll(batch: Batch): Outcome {
    const delivered = this.writeInteractions(batch.interactions);
    let ok = delivered === batch.interactions.length;
    let tooLong = false;
    if (batch.report) {
      ok = this.writeObjectives(batch.report) && ok;
      const state = this.writeState(batch.report, batch.keepSaved);
      ok = state.ok && ok;
      tooLong = state.tooLong;
    }
    if (batch.language !== undefined) {
      const [e, v] = this.o.dialect.languageWrite(batch.language);
      if (this.held.get(e) !== v && this.rejected.get(e) !== v) this.set(e, v);
    }
    return { ok, delivered, tooLong };
  }

  // ── Interactions ───────────────────────────────────────────────────────────────────────────────

  private writeInteractions(items: readonly Journaled[]): number {
    let delivered = 0;
    for (const item of items) {
      if (!this.writeInteraction(item)) break; // indices are sequential: the rest waits for this one
      delivered++;
    }
    return delivered;
  }

  /** One interaction, at its index (the next free one once its id is stored). Whether it is all stored. */
  private writeInteraction({ seq, report }: Journaled): boolean {
    let index = this.interactionIndex.get(seq) ?? (report.slot !== undefined ? this.slotIndex.get(report.slot) : undefined);
    if (index === undefined) {
      if (!this.interactionsKnown && !this.readInteractionCount()) return false;
      index = this.nextInteraction;
      const [idElement, id] = this.o.dialect.interactionWrites(index, report)[0]!;
      const r = this.set(idElement, id);
      if (!r.ok) {
        // The index may be off (another writer, an earlier id that landed after all): read _count again.
        this.interactionsKnown = false;
        return false;
      }
      this.nextInteraction = index + 1;
      this.interactionIndex.set(seq, index);
      if (report.slot !== undefined) this.slotIndex.set(report.slot, index);
    }
    return this.writeFields(index, report);
  }

  private writeFields(index: number, report: InteractionReport): boolean {
    for (const [e, v] of this.o.dialect.interactionWrites(index, report).slice(1)) {
      if (this.held.get(e) === v || this.rejected.get(e) === v) continue;
      const r = this.set(e, v);
      if (r.ok) continue;
      if (!isRejection(r.error)) return false;
      this.rejected.set(e, v);
      this.o.logger.warn(`interaction ${report.id}: ${e} was refused; the rest of it is still recorded`);
    }
    return true;
  }

  private readInteractionCount(): boolean {
    const r = readValue(this.o.connection, this.o.dialect.interactionCount);
    const n = Number.parseInt(r.known ? r.value : '', 10);
    if (!r.known || !Number.isInteger(n) || n < 0) return false;
    this.nextInteraction = Math.max(n, this.nextInteraction);
    this.interactionsKnown = true;
    return true;
  }

  // ── Objectives ─────────────────────────────────────────────────────────────────────────────────

  private seedObjectives(ids: readonly string[]): void {
    ids.forEach((id, i) => {
      if (id && !this.objectiveIndex.has(id)) this.objectiveIndex.set(id, i);
      this.held.set(`cmi.objectives.${i}.id`, id);
    });
    this.nextObjective = Math.max(this.nextObjective, ids.length);
  }

  private writeObjectives(report: Report): boolean {
    let ok = true;
    let blocked = false;
    for (const o of report.objectives) {
      let n = this.objectiveIndex.get(o.id);
      const writes = (i: number) => this.o.dialect.objectiveWrites(i, o);
      if (n === undefined) {
        // A new objective takes the next index only once the previous ids are stored.
        if (blocked || (!this.objectivesKnown && !this.readObjectives())) {
          blocked = true;
          ok = false;
          continue;
        }
        // The LMS may hold it already (its ids just read: an earlier session's, or an id that landed).
        n = this.objectiveIndex.get(o.id);
      }
      if (n === undefined) {
        n = this.nextObjective;
        const [idElement, id] = writes(n)[0]!;
        if (!this.set(idElement, id).ok) {
          this.objectivesKnown = false;
          blocked = true;
          ok = false;
          continue;
        }
        this.objectiveIndex.set(o.id, n);
        this.nextObjective = n + 1;
      }
      for (const [e, v] of writes(n).slice(1)) ok = this.put(e, v) && ok;
    }
    return ok;
  }

  private readObjectives(): boolean {
    const ids = readObjectiveIds(this.o.connection, this.o.dialect.objectiveCount);
    if (!ids) return false;
    this.launchObjectives = Math.max(this.launchObjectives, ids.length);
    this.seedObjectives(ids);
    this.objectivesKnown = true;
    return true;
  }

  // ── State ──────────────────────────────────────────────────────────────────────────────────────

  private writeState(report: Report, keepSaved: boolean): { ok: boolean; tooLong: boolean } {
    const { dialect, lms, suspendDataLimit, logger } = this.o;
    let ok = true;
    let tooLong = false;
    const held = (e: string) => this.known(e);
    for (const [e, v] of dialect.stateWrites(report, held, lms)) {
      const saved = e === dialect.suspendData || e === dialect.location;
      if (saved && keepSaved) continue;
      if (saved && !this.mayReplaceSaved(report)) {
        if (!this.savedElsewhere) ok = false; // not known yet: try again later
        continue;
      }
      if (e === dialect.suspendData && v.length > suspendDataLimit) {
        tooLong = true;
        logger.error(
          `the saved state is ${v.length} characters, more than the ${suspendDataLimit} this LMS keeps; the last state that fitted stays saved`,
          { length: v.length, limit: suspendDataLimit },
        );
        continue;
      }
      ok = this.put(e, v) && ok;
    }
    return { ok, tooLong };
  }

  /**
   * Whether the LMS's saved state may be replaced by this session's. Not while it is unknown; and if
   * the session started without it (its read failed) and it turns out to hold something else, never.
   */
  private mayReplaceSaved(report: Report): boolean {
    if (this.savedElsewhere) return false;
    const element = this.o.dialect.suspendData;
    const wasUnknown = this.unknown.has(element);
    const stored = this.known(element);
    if (stored === undefined) return false;
    if (wasUnknown && this.o.savedUnknown && stored !== '' && stored !== report.suspendData) {
      this.savedElsewhere = true;
      this.o.logger.warn('the LMS holds saved progress this session could not read at launch; it is left as it is', { stored });
      return false;
    }
    if (this.unknown.has(this.o.dialect.location)) this.known(this.o.dialect.location);
    return true;
  }

  /**
   * Sets an element unless the LMS holds it already, never lower than it holds. Returns false when it
   * should have been stored and was not (a rejected value that does not matter is not a failure).
   */
  private put(element: string, value: string): boolean {
    if (this.rejected.get(element) === value) return true;
    const rank = this.o.dialect.rank(element, value);
    const held = rank === undefined ? this.held.get(element) : this.known(element);
    if (rank !== undefined) {
      if (held === undefined) return false; // unknown: nothing is written over it until it is read
      const heldRank = this.o.dialect.rank(element, held) ?? -Infinity;
      if (held !== '' && heldRank > rank) return true; // never lower
    }
    if (held === value && !this.resend.has(element)) return true;
    const r = this.set(element, value);
    if (r.ok) return true;
    if (isRejection(r.error)) {
      this.rejected.set(element, value);
      return !this.critical(element);
    }
    return false;
  }

  private critical(element: string): boolean {
    const { dialect } = this.o;
    return (
      element === dialect.suspendData || element === dialect.location || dialect.rank(element, '') !== undefined || /exit$/.test(element)
    );
  }

  /**
   * What the LMS holds of an element: from the ledger; read (again) when a launch read failed or when
   * an objective that existed at launch is written for the first time. Undefined while unknown.
   */
  private known(element: string): string | undefined {
    const held = this.held.get(element);
    if (held !== undefined) return held;
    const objective = OBJECTIVE_ELEMENT.exec(element);
    const existed = !!objective && Number(objective[1]) < this.launchObjectives;
    if (!this.unknown.has(element) && !existed) return '';
    const r = readValue(this.o.connection, element);
    if (!r.known) return undefined;
    this.unknown.delete(element);
    this.held.set(element, r.value);
    return r.value;
  }

  /** One SetValue, tried again at once when the LMS failed (not when it refused the value). */
  private set(element: string, value: string): CallResult {
    let r: CallResult = { ok: false, value: '', error: -2 };
    for (let i = 0; i < SET_TRIES && !this.o.connection.lost; i++) {
      r = this.o.connection.setValue(element, value);
      if (r.ok || isRejection(r.error)) break;
    }
    if (r.ok) {
      this.held.set(element, value);
      this.unknown.delete(element);
      this.resend.delete(element);
      if (!element.startsWith('cmi.interactions.')) this.uncommitted.add(element);
    }
    return r;
  }
}

export type { Write };
