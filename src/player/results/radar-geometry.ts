/** Geometry of the radar chart: pure numbers, so the SVG component stays declarative and testable. */

export const SCALE_MAX = 5;

export interface Point {
  x: number;
  y: number;
}

export interface RadarGeometry {
  size: number;
  center: number;
  radius: number;
  /** The end of each axis (value = SCALE_MAX), first axis straight up, then clockwise. */
  axes: Point[];
  /** Where each axis label goes, a little outside the axis end. */
  labels: Point[];
  /** Grid polygons for the values 1..SCALE_MAX, as SVG `points` strings. */
  rings: string[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function pointAt(index: number, count: number, value: number, center: number, radius: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(count, 1);
  const r = (radius * value) / SCALE_MAX;
  return { x: round(center + r * Math.cos(angle)), y: round(center + r * Math.sin(angle)) };
}

export const toPoints = (points: Point[]) => points.map((p) => `${p.x},${p.y}`).join(' ');

export function radarGeometry(count: number, size = 320, margin = 36): RadarGeometry {
  const center = size / 2;
  const radius = center - margin;
  const idx = Array.from({ length: count }, (_, i) => i);
  return {
    size,
    center,
    radius,
    axes: idx.map((i) => pointAt(i, count, SCALE_MAX, center, radius)),
    labels: idx.map((i) => pointAt(i, count, SCALE_MAX + 0.9, center, radius)),
    rings: Array.from({ length: SCALE_MAX }, (_, level) => toPoints(idx.map((i) => pointAt(i, count, level + 1, center, radius)))),
  };
}

/** The learner's shape: an unrated principle sits at the centre (0). */
export function valuePolygon(values: (number | undefined)[], center: number, radius: number): Point[] {
  return values.map((v, i) => pointAt(i, values.length, v ?? 0, center, radius));
}
