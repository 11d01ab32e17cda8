/**
 * A tiny line chart as one SVG path (plus its area): cheap enough for every visible row of a
 * virtualized table. SVG rather than one canvas per cell: canvases are separate compositor
 * resources, and with dozens in view scrolling cost several ms a frame (measured by the
 * list-5000 benchmark); a path is painted with the row.
 */
import { memo } from 'react';

const COLOR = {
  teal: 'var(--mantine-color-teal-6)',
  blue: 'var(--mantine-color-blue-6)',
  grape: 'var(--mantine-color-grape-5)',
  orange: 'var(--mantine-color-orange-6)',
} as const;
export type SparkColor = keyof typeof COLOR;

interface Props {
  /** One or two series, oldest first; the second is drawn dashed (e.g. write next to read). */
  series: readonly (readonly number[])[];
  /** How many samples the width stands for (newer ones on the right). */
  slots?: number;
  width?: number;
  height?: number;
  color?: SparkColor;
  /** The scale's top is at least this, more when the data goes higher. */
  minTop?: number;
  label: string;
}

function path(s: readonly number[], top: number, width: number, height: number, slots: number): string {
  const step = width / (Math.max(slots, s.length) - 1);
  const x0 = width - (s.length - 1) * step;
  let d = '';
  for (let j = 0; j < s.length; j++) {
    const y = height - 1 - (Math.min(s[j] ?? 0, top) / top) * (height - 2);
    d += `${j === 0 ? 'M' : 'L'}${(x0 + j * step).toFixed(1)} ${y.toFixed(1)}`;
  }
  return d;
}

export const Sparkline = memo(function Sparkline({
  series,
  slots = 30,
  width = 52,
  height = 20,
  color = 'teal',
  minTop = 0,
  label,
}: Props) {
  let top = minTop;
  for (const s of series) for (const v of s) if (v > top) top = v;
  if (top <= 0) top = 1;
  const stroke = COLOR[color];
  const [first, second] = series;
  const line = first && first.length > 1 ? path(first, top, width, height, slots) : '';
  const x0 = first && first.length > 1 ? width - (first.length - 1) * (width / (Math.max(slots, first.length) - 1)) : width;
  return (
    <svg width={width} height={height} role="img" aria-label={label} style={{ display: 'block', flex: 'none' }}>
      {line && <path d={`${line}L${width} ${height}L${x0.toFixed(1)} ${height}Z`} style={{ fill: stroke, opacity: 0.15 }} />}
      {line && <path d={line} style={{ fill: 'none', stroke, strokeWidth: 1.25 }} />}
      {second && second.length > 1 && (
        <path
          d={path(second, top, width, height, slots)}
          style={{ fill: 'none', stroke, strokeWidth: 1, strokeDasharray: '2 2', opacity: 0.8 }}
        />
      )}
    </svg>
  );
});
