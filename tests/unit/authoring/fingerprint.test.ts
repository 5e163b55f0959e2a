/** The copying check's fingerprint: it finds eight copied words anywhere in a text, and nothing shorter. */
import { describe, expect, it } from 'vitest';
import { copiedRuns, hashRun, makeFingerprint, runsOf, type Fingerprint } from '../../../src/authoring/fingerprint.ts';

const source = 'Den offentlige sektor skal være attraktiv og tidssvarende for borgere og medarbejdere, og den skal have tillid.';
const fingerprint = makeFingerprint([{ file: 'column.txt', text: source }]);

describe('source fingerprint', () => {
  it('holds a hash per run of eight words and no words of the source', () => {
    expect(fingerprint.runs).toHaveLength(runsOf(source).length);
    expect(JSON.stringify(fingerprint)).not.toMatch(/offentlige|borgere/);
    expect(fingerprint.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds eight copied words inside a longer sentence, whatever the case, punctuation or markup', () => {
    const copied = 'Vi mener: <strong>SKAL være attraktiv og tidssvarende</strong> for borgere, og medarbejdere i alle kommuner.';
    expect(copiedRuns(fingerprint, ['Intet her.', copied])).toEqual([
      'skal være attraktiv og tidssvarende for borgere og',
      'være attraktiv og tidssvarende for borgere og medarbejdere',
    ]);
  });

  it('lets seven shared words pass: a run is eight', () => {
    expect(copiedRuns(fingerprint, ['Sektoren skal være attraktiv og tidssvarende for borgere, siger vi.'])).toEqual([]);
  });

  it('refuses a fingerprint made another way', () => {
    const other: Fingerprint = { ...fingerprint, method: 'something else' };
    expect(() => copiedRuns(other, [source])).toThrow(/made another way/);
    expect(hashRun('a b c d e f g h')).toMatch(/^[0-9a-f]{16}$/);
  });
});
