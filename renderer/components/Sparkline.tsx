/**
 * A tiny line chart on one canvas: cheap enough for every visible row of a virtualized table.
 * It redraws when `version` changes (the stats tick), reading values it is handed.
 */
import { useComputedColorScheme } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';

const PALETTE = {
  teal: ['#0ca678', '#38d9a9'],
  blue: ['#1c7ed6', '#74c0fc'],
  grape: ['#ae3ec9', '#e599f7'],
  orange: ['#e8590c', '#ffa94d'],
} as const;
export type SparkColor = keyof typeof PALETTE;

interface Props {
  /** One or two series; the second is drawn dashed (e.g. write next to read). */
  series: readonly (readonly number[])[];
  version: number;
  width?: number;
  height?: number;
  color?: SparkColor;
  /** The scale's top is at least this (100 for percentages), more when the data goes higher. */
  minTop?: number;
  label: string;
}

export const Sparkline = memo(function Sparkline({ series, version, width = 72, height = 22, color = 'teal', minTop = 0, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dark = useComputedColorScheme('light') === 'dark';
  useEffect(() => {
    void version;
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== width * dpr) {
      canvas.width = width * dpr;
      canvas.height = height * dpr;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    let top = minTop;
    for (const s of series) for (const v of s) if (v > top) top = v;
    if (top <= 0) top = 1;
    const [c1, c2] = PALETTE[color];
    series.forEach((s, i) => {
      if (s.length < 2) return;
      const step = width / (Math.max(s.length, 30) - 1);
      const x0 = width - (s.length - 1) * step;
      ctx.beginPath();
      for (let j = 0; j < s.length; j++) {
        const x = x0 + j * step;
        const y = height - 1 - (Math.min(s[j] ?? 0, top) / top) * (height - 2);
        if (j === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.lineWidth = 1.25;
      ctx.setLineDash(i === 0 ? [] : [2, 2]);
      ctx.strokeStyle = i === 0 ? (dark ? c2 : c1) : dark ? c1 : c2;
      ctx.stroke();
      if (i === 0) {
        ctx.lineTo(width, height);
        ctx.lineTo(x0, height);
        ctx.closePath();
        ctx.globalAlpha = 0.15;
        ctx.fillStyle = dark ? c2 : c1;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
    });
  }, [series, version, width, height, color, minTop, dark]);
  return <canvas ref={ref} style={{ width, height, display: 'block' }} role="img" aria-label={label} />;
});
