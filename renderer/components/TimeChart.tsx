/**
 * A small uPlot time-series chart that follows the colour scheme and its container's width.
 * Data updates go through setData (no re-creation); the chart is rebuilt only when the series
 * or the scheme change.
 */
import { useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  dash?: number[];
}

interface Props {
  series: ChartSeries[];
  /** [x (seconds), ...one array per series] */
  data: uPlot.AlignedData;
  height?: number;
  format(v: number): string;
  /** The y scale starts at 0 and reaches at least this. */
  minTop?: number;
  testId?: string;
}

export function TimeChart({ series, data, height = 160, format, minTop = 1, testId }: Props) {
  const { ref: box, width } = useElementSize();
  const target = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dark = useComputedColorScheme('light') === 'dark';
  const latest = useRef(data);
  latest.current = data;
  const fmt = useRef(format);
  fmt.current = format;
  const widthNow = useRef(width);
  widthNow.current = width;
  const seriesKey = JSON.stringify(series);
  const sized = width > 0;

  useEffect(() => {
    if (!target.current || !sized) return;
    const format = (v: number) => fmt.current(v);
    const axis = dark ? '#a6a7ab' : '#495057';
    const grid = dark ? 'rgba(255,255,255,0.07)' : 'rgba(0,0,0,0.07)';
    const defs = JSON.parse(seriesKey) as ChartSeries[];
    const opts: uPlot.Options = {
      width: widthNow.current,
      height,
      cursor: { drag: { x: false, y: false } },
      legend: { show: true, live: true },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(minTop, max * 1.1)] } },
      axes: [
        { stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid } },
        { stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid }, size: 70, values: (_u, vals) => vals.map((v) => format(v)) },
      ],
      series: [
        { label: 'Time', value: (_u: uPlot, v: number | null) => (v == null ? '—' : new Date(v * 1000).toLocaleTimeString()) },
        ...defs.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          ...(s.dash ? { dash: s.dash } : {}),
          fill: s.dash ? undefined : `${s.color}22`,
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : format(v)),
          points: { show: false },
        })),
      ],
    };
    // Away from the chart, the legend shows the newest values rather than dashes.
    const showNewest = (u: uPlot) => {
      if (u.cursor.idx == null && u.data[0].length) u.setLegend({ idx: u.data[0].length - 1 });
    };
    opts.hooks = { setCursor: [showNewest], setData: [showNewest] };
    const u = new uPlot(opts, latest.current, target.current);
    showNewest(u);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
    // Width changes go through setSize below.
  }, [seriesKey, dark, height, minTop, sized]);

  useEffect(() => {
    if (width > 0) plot.current?.setSize({ width, height });
  }, [width, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return (
    <div ref={box} data-testid={testId}>
      <div ref={target} />
    </div>
  );
}
