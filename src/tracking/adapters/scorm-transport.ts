/**
 * The SCORM transport: how a batch of the session's reports becomes SCORM data-model elements, through
 * one version's Dialect and the run-time API connection. It keeps a ledger of what the LMS holds, so
 * only changes are sent and nothing is reported lower than the LMS held at launch.
 *
 *   batch ─► interactions (appended at _count, id first) ─► objectives ─► score ─► status ─► location
 *         ─► suspend data ─► exit ─► Commit
 */
import type { Logger } from '../log.ts';
import type { Report } from '../report.ts';
import type { CallResult, ScormConnection } from '../scorm-api/connection.ts';
import type { Batch, Delivery, Transport } from '../transport.ts';
import type { Dialect, LmsStart } from './dialect.ts';

const SUSPEND = /\.suspend_data$/;
const CRITICAL =
  /^cmi\.(suspend_data|location|core\.lesson_location|core\.lesson_status|completion_status|success_status|progress_measure|exit|core\.exit|score\.|core\.score\.)/;
/** Data-model errors: the LMS understood and refused this value; sending it again will not help. */
const isRejection = (error: number) => error >= 400 && error < 500;

export interface ScormTransportOptions {
  dialect: Dialect;
  connection: ScormConnection;
  lms: LmsStart;
  /** The suspend-data limit enforced (the spec's, or more for browser storage). */
  suspendDataLimit: number;
  logger: Logger;
}

interface Progress {
  /** The index, once its id was set (from then on the rest goes to the same index). */
  index?: number;
  /** How many of its writes are done. */
  done: number;
}

export class ScormTransport implements Transport {
  private readonly o: ScormTransportOptions;
  /** What the LMS holds, element by element (seeded from launch, updated on every accepted SetValue). */
  private readonly held = new Map<string, string>();
  /** Values the LMS refused as invalid, not sent again. */
  private readonly rejected = new Map<string, string>();
  private readonly objectiveIndex = new Map<string, number>();
  private nextObjective = 0;
  private nextInteraction = 0;
  /** Interactions partly written, by journal number. */
  private readonly partial = new Map<number, Progress>();
  private closed = false;

  constructor(options: ScormTransportOptions) {
    this.o = options;
    const { lms, dialect } = options;
    for (const [element, value] of Object.entries(lms.status)) this.held.set(element, value);
    lms.objectiveIds.forEach((id, i) => {
      if (id) this.objectiveIndex.set(id, i);
      this.held.set(`cmi.objectives.${i}.id`, id);
    });
    this.nextObjective = lms.objectiveIds.length;
    this.nextInteraction = lms.interactionCount;
    this.held.set('cmi.suspend_data', lms.suspendData ?? '');
    this.held.set(dialect.version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location', lms.location ?? '');
    if (lms.language) this.held.set(dialect.languageWrite('')[0], lms.language);
  }

  get open(): boolean {
    return this.o.connection.active && !this.closed;
  }

  get recording(): boolean {
    return this.open && this.o.lms.mode === 'normal';
  }

  get lost(): boolean {
    return this.o.connection.lost;
  }

  begin(): Delivery {
    if (!this.recording) return this.result(true, 0);
    const writes = this.o.dialect.launchWrites(this.o.lms).filter(([e, v]) => this.held.get(e) !== v);
    if (!writes.length) return this.result(true, 0);
    let ok = true;
    for (const [e, v] of writes) ok = this.write(e, v).ok && ok;
    ok = this.o.connection.commit().ok && ok;
    return this.result(ok, 0);
  }

  deliver(batch: Batch): Delivery {
    if (!this.recording) return this.result(false, 0);
    const { ok, delivered, tooLong } = this.writeAll(batch);
    const committed = this.o.connection.commit();
    return this.result(ok && committed.ok, delivered, tooLong);
  }

  finish(batch: Batch, finished: boolean, sessionMs: number): Delivery {
    if (!this.recording) {
      this.close();
      return this.result(false, 0);
    }
    const { ok, delivered, tooLong } = this.writeAll(batch);
    for (const [e, v] of this.o.dialect.exitWrites(finished, sessionMs)) if (this.held.get(e) !== v) this.write(e, v);
    this.closed = true;
    const done = this.o.connection.terminate();
    return this.result(ok && done.ok, delivered, tooLong);
  }

  close(): void {
    this.closed = true;
    if (this.o.connection.active) this.o.connection.terminate();
  }

  private result(ok: boolean, delivered: number, tooLong = false): Delivery {
    return { ok, delivered, lost: this.o.connection.lost, tooLong };
  }

  /** Interactions, then the state. `ok` is false when something that matters was not accepted. */
  private writeAll(batch: Batch): { ok: boolean; delivered: number; tooLong: boolean } {
    const delivered = this.writeInteractions(batch);
    let ok = delivered === batch.interactions.length;
    let tooLong = false;
    if (batch.report && !batch.keepSaved) {
      const state = this.writeState(batch.report);
      ok = state.ok && ok;
      tooLong = state.tooLong;
    }
    if (batch.language !== undefined) {
      const [e, v] = this.o.dialect.languageWrite(batch.language);
      if (this.held.get(e) !== v && this.rejected.get(e) !== v) this.write(e, v);
    }
    return { ok, delivered, tooLong };
  }

  private writeInteractions(batch: Batch): number {
    const { connection, dialect, logger } = this.o;
    let delivered = 0;
    for (const { seq, report } of batch.interactions) {
      const item = this.partial.get(seq) ?? { done: 0 };
      this.partial.set(seq, item);
      if (item.index === undefined) {
        // Appended: the new index is the LMS's _count (never an existing interaction).
        const count = connection.getValue(dialect.interactionCount);
        const n = Number.parseInt(count.value, 10);
        item.index = count.ok && Number.isInteger(n) && n >= 0 ? n : this.nextInteraction;
      }
      const writes = dialect.interactionWrites(item.index, report);
      for (; item.done < writes.length; item.done++) {
        const [e, v] = writes[item.done]!;
        const r = this.write(e, v);
        if (r.ok) continue;
        if (item.done === 0 || !isRejection(r.error)) {
          if (item.done === 0) item.index = undefined; // the id did not land: find the index again next time
          return delivered;
        }
        logger.warn(`interaction ${report.id}: ${e} was refused; the rest of it is still recorded`);
      }
      this.nextInteraction = Math.max(this.nextInteraction, item.index + 1);
      this.partial.delete(seq);
      delivered++;
    }
    return delivered;
  }

  private writeState(report: Report): { ok: boolean; tooLong: boolean } {
    const { dialect, lms, suspendDataLimit, logger } = this.o;
    let ok = true;
    let tooLong = false;
    let skipPrefix: string | undefined;
    const writes = dialect.stateWrites(report, (id) => this.objectiveIndexOf(id), lms);
    for (const [e, v] of writes) {
      if (skipPrefix && e.startsWith(skipPrefix)) continue;
      if (this.held.get(e) === v || this.rejected.get(e) === v) continue;
      if (SUSPEND.test(e) && v.length > suspendDataLimit) {
        tooLong = true;
        logger.error(
          `the saved state is ${v.length} characters, more than the ${suspendDataLimit} this LMS keeps; the last state that fitted stays saved`,
          { length: v.length, limit: suspendDataLimit },
        );
        continue;
      }
      const r = this.write(e, v);
      if (r.ok) continue;
      const objectiveId = /^(cmi\.objectives\.\d+\.)id$/.exec(e);
      if (objectiveId) skipPrefix = objectiveId[1];
      if (isRejection(r.error)) {
        this.rejected.set(e, v);
        if (!CRITICAL.test(e)) continue;
      }
      ok = false;
    }
    return { ok, tooLong };
  }

  private objectiveIndexOf(id: string): number {
    let n = this.objectiveIndex.get(id);
    if (n === undefined) {
      n = this.nextObjective++;
      this.objectiveIndex.set(id, n);
    }
    return n;
  }

  private write(element: string, value: string): CallResult {
    const r = this.o.connection.setValue(element, value);
    if (r.ok) this.held.set(element, value);
    return r;
  }
}
