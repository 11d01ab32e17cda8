import { Tooltip } from '@mantine/core';
import type { DomainSummary } from '../../../shared/api';
import { Sparkline } from '../../components/Sparkline';
import { formatPercent, formatRate } from '../../lib/format';
import { statsOf, useStatsTick } from '../../queries/stats';
import classes from './DomainTable.module.css';

const last = (a: readonly number[] | undefined) => (a?.length ? (a[a.length - 1] ?? 0) : undefined);
const ACTIVE = new Set(['running', 'blocked', 'paused']);

/** CPU, disk and network columns of one row: a sparkline each, fed by the stats feed. */
export function StatCells({ d }: { d: DomainSummary }) {
  const tick = useStatsTick(d.hostId);
  const h = ACTIVE.has(d.state) ? statsOf(d.hostId, d.uuid) : undefined;
  if (!h || h.at.length === 0) {
    const none = <span className={classes.statValue}>—</span>;
    return (
      <>
        <div className={classes.stat}>{none}</div>
        <div className={classes.stat}>{none}</div>
        <div className={classes.stat}>{none}</div>
      </>
    );
  }
  const cpu = last(h.cpu) ?? 0;
  const dr = last(h.diskR) ?? 0;
  const dw = last(h.diskW) ?? 0;
  const rx = last(h.netRx) ?? 0;
  const tx = last(h.netTx) ?? 0;
  return (
    <>
      <div className={classes.stat} data-testid="vm-cpu">
        <Sparkline series={[h.cpu]} version={tick} minTop={1} width={52} label={`CPU ${formatPercent(cpu)}`} />
        <span className={classes.statValue}>{formatPercent(cpu)}</span>
      </div>
      <Tooltip label={`read ${formatRate(dr)} · write ${formatRate(dw)} (dashed)`} openDelay={400}>
        <div className={classes.stat}>
          <Sparkline
            series={[h.diskR, h.diskW]}
            version={tick}
            color="blue"
            width={64}
            minTop={1024}
            label={`Disk ${formatRate(dr + dw)}`}
          />
          <span className={classes.statValue}>{formatRate(dr + dw)}</span>
        </div>
      </Tooltip>
      <Tooltip label={`in ${formatRate(rx)} · out ${formatRate(tx)} (dashed)`} openDelay={400}>
        <div className={classes.stat}>
          <Sparkline
            series={[h.netRx, h.netTx]}
            version={tick}
            color="grape"
            width={64}
            minTop={1024}
            label={`Network ${formatRate(rx + tx)}`}
          />
          <span className={classes.statValue}>{formatRate(rx + tx)}</span>
        </div>
      </Tooltip>
    </>
  );
}
