import { describe, expect, it } from 'vitest';
import { pointAt, radarGeometry, valuePolygon } from './radar-geometry.ts';

describe('radar geometry', () => {
  it('starts the first axis straight up and goes clockwise', () => {
    const g = radarGeometry(4, 320, 36);
    expect(g.center).toBe(160);
    expect(g.radius).toBe(124);
    expect(g.axes).toEqual([
      { x: 160, y: 36 },
      { x: 284, y: 160 },
      { x: 160, y: 284 },
      { x: 36, y: 160 },
    ]);
  });

  it('draws one grid ring per scale step', () => {
    const g = radarGeometry(10);
    expect(g.rings).toHaveLength(5);
    expect(g.rings[4]!.split(' ')).toHaveLength(10);
  });

  it('scales a value along its axis and puts an unrated principle at the centre', () => {
    expect(pointAt(0, 3, 5, 100, 50)).toEqual({ x: 100, y: 50 });
    expect(pointAt(0, 3, 1, 100, 50)).toEqual({ x: 100, y: 90 });
    expect(valuePolygon([undefined, 5], 100, 50)).toEqual([
      { x: 100, y: 100 },
      { x: 100, y: 150 },
    ]);
  });
});
