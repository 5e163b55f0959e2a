/**
 * The self-assessment across the principles as a hand-drawn SVG radar chart. The picture is one image
 * with a title and a description; the data table beside it carries the same numbers for everyone.
 */
import { useId } from 'react';
import { radarGeometry, toPoints, valuePolygon } from './radar-geometry.ts';

export interface RadarDatum {
  /** Short axis label, e.g. "P3". */
  axis: string;
  value?: number;
}

export function RadarChart({ data, title, description }: { data: RadarDatum[]; title: string; description: string }) {
  const id = useId();
  const g = radarGeometry(data.length);
  const shape = valuePolygon(
    data.map((d) => d.value),
    g.center,
    g.radius,
  );
  return (
    <svg className="radar" viewBox={`0 0 ${g.size} ${g.size}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g className="radar__grid">
        {g.rings.map((points, i) => (
          <polygon key={i} points={points} />
        ))}
        {g.axes.map((p, i) => (
          <line key={i} x1={g.center} y1={g.center} x2={p.x} y2={p.y} />
        ))}
      </g>
      <polygon className="radar__shape" points={toPoints(shape)} />
      {shape.map((p, i) => (
        <circle key={i} className="radar__point" cx={p.x} cy={p.y} r={4} />
      ))}
      {g.labels.map((p, i) => (
        <text key={i} className="radar__label" x={p.x} y={p.y} textAnchor="middle" dominantBaseline="middle">
          {data[i]!.axis}
        </text>
      ))}
    </svg>
  );
}
