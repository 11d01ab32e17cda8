import { beforeEach, describe, expect, it } from 'vitest';
import type { Job, MigrationFigures } from '../../../shared/api';
import { useMigrateUi } from './store';

const job = (figures: MigrationFigures, o: Partial<Job> = {}): Job =>
  ({
    id: 'job-1',
    kind: 'migration',
    hostId: 'lab-a',
    title: 'Migrate tiny to lab-b',
    phase: 'transferring memory',
    progress: 0.5,
    detail: {
      figures,
      info: {
        jobId: 'job-1',
        source: { hostId: 'lab-a', hostName: 'lab-a', uuid: '7e570000-0000-4000-8000-000000000001', name: 'tiny' },
        reattached: false,
        postCopyAllowed: false,
        controls: { suspended: false, postCopy: false },
        remedies: [],
      },
      logLines: 0,
    },
    status: 'running',
    cancellable: true,
    startedAt: Date.now() - 5000,
    ...o,
  }) as Job;

describe('the graph history of the live panel', () => {
  beforeEach(() => useMigrateUi.setState({ samples: {} }));

  it('keeps remaining-over-time samples of running migrations only, once the transfer has a total', () => {
    const s = useMigrateUi.getState();
    s.add(job({ dataRemaining: 0 }));
    s.add(job({ dataTotal: 100, dataRemaining: 80 }));
    s.add(job({ dataTotal: 100, dataRemaining: 60 }));
    s.add(job({ dataTotal: 100, dataRemaining: 60 }, { status: 'succeeded' }));
    s.add(job({ dataTotal: 100, dataRemaining: 10 }, { kind: 'clone' }));
    expect(useMigrateUi.getState().samples['job-1']?.map(([, v]) => v)).toEqual([80, 60]);
  });

  it('seeds from the backend (a panel opened late) and keeps what came live after it', () => {
    const s = useMigrateUi.getState();
    s.add(job({ dataTotal: 100, dataRemaining: 40 }));
    const liveT = useMigrateUi.getState().samples['job-1']?.[0]?.[0] ?? 0;
    s.seed('job-1', [
      [1000, 90],
      [2000, 70],
    ]);
    expect(useMigrateUi.getState().samples['job-1']).toEqual([
      [1000, 90],
      [2000, 70],
      [liveT, 40],
    ]);
  });

  it('opens the wizard (with a destination when a VM was dropped on a host) and the panel', () => {
    const s = useMigrateUi.getState();
    s.openWizard({ hostId: 'lab-a', uuid: 'u', name: 'tiny', destHostId: 'lab-b' });
    expect(useMigrateUi.getState().wizard?.destHostId).toBe('lab-b');
    s.closeWizard();
    s.openPanel('job-1');
    expect(useMigrateUi.getState()).toMatchObject({ wizard: null, panelJobId: 'job-1' });
  });
});
