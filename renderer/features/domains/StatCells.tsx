import { memo, useMemo } from 'react';
import type { DomainSummary } from '../../../shared/api';
import { Sparkline } from '../../components/Sparkline';
import { formatPercent, formatRate } from '../../lib/format';
import { statsOf, useStatsTick } from '../../queries/stats';
import classes from './DomainTable.module.css';

const ACTIVE = new Set(['running', 'blocked', 'paused']);

/** The guest figure is the share of its own vCPUs; the host share says what that costs the host. */
export function cpuTitle(guest: number, host: number, vcpus: number): string {
  return `CPU ${formatPercent(guest)} of its ${vcpus} vCPU${vcpus === 1 ? '' : 's'} · ${formatPercent(host)} of the host's CPUs`;
}

/** CPU, disk and network columns of one row: a sparkline each, fed by the stats feed. */
export const StatCells = memo(function StatCells({ d }: { d: Pick<DomainSummary, 'hostId' | 'uuid' | 'state' | 'vcpus'> }) {
  const tick = useStatsTick(d.hostId);
  const active = ACTIVE.has(d.state);
  const v = useMemo(() => {
    void tick;
    const h = active ? statsOf(d.hostId, d.uuid) : undefined;
    if (!h || h.at.length === 0) return null;
    const last = (r: { last(): number | undefined }) => r.last() ?? 0;
    return {
      cpu: h.cpu.values(),
      diskR: h.diskR.values(),
      diskW: h.diskW.values(),
      netRx: h.netRx.values(),
      netTx: h.netTx.values(),
      now: { cpu: last(h.cpu), cpuHost: last(h.cpuHost), dr: last(h.diskR), dw: last(h.diskW), rx: last(h.netRx), tx: last(h.netTx) },
    };
  }, [tick, active, d.hostId, d.uuid]);
  if (!v) {
    return (
      <>
        <div className={classes.stat}>
          <span className={classes.statValue}>—</span>
        </div>
        <div className={classes.stat}>
          <span className={classes.statValue}>—</span>
        </div>
        <div className={classes.stat}>
          <span className={classes.statValue}>—</span>
        </div>
      </>
    );
  }
  const { cpu, cpuHost, dr, dw, rx, tx } = v.now;
  return (
    <>
      <div className={classes.stat} data-testid="vm-cpu" title={cpuTitle(cpu, cpuHost, d.vcpus)}>
        <Sparkline series={[v.cpu]} minTop={1} label={`CPU ${formatPercent(cpu)}`} />
        <span className={classes.statValue}>{formatPercent(cpu)}</span>
      </div>
      <div className={classes.stat} title={`Disk read ${formatRate(dr)}, write ${formatRate(dw)} (dashed)`}>
        <Sparkline series={[v.diskR, v.diskW]} color="blue" minTop={64} label={`Disk ${formatRate(dr + dw)}`} />
        <span className={classes.statValue}>{formatRate(dr + dw)}</span>
      </div>
      <div className={classes.stat} title={`Network in ${formatRate(rx)}, out ${formatRate(tx)} (dashed)`}>
        <Sparkline series={[v.netRx, v.netTx]} color="grape" minTop={64} label={`Network ${formatRate(rx + tx)}`} />
        <span className={classes.statValue}>{formatRate(rx + tx)}</span>
      </div>
    </>
  );
});
