/** UI state of the migration feature: the open wizard, the open live panel, the graph's samples. */
import { create } from 'zustand';
import type { HostId, Job } from '../../../shared/api';

export interface MigrateTarget {
  hostId: HostId;
  uuid: string;
  name: string;
  /** Preselected destination (a VM dropped on a host). */
  destHostId?: HostId;
}

/** Remaining bytes over time per job: [ms since the job started, bytes]. */
const MAX_SAMPLES = 2400;

interface MigrateUi {
  wizard: MigrateTarget | null;
  /** The live panel opened from the Jobs drawer. */
  panelJobId: string | null;
  samples: Record<string, [number, number][]>;
  openWizard(t: MigrateTarget): void;
  closeWizard(): void;
  openPanel(jobId: string | null): void;
  /** Seeds a job's history from the backend (the panel opened after the job started). */
  seed(jobId: string, samples: [number, number][]): void;
  add(job: Job): void;
}

export const useMigrateUi = create<MigrateUi>((set, get) => ({
  wizard: null,
  panelJobId: null,
  samples: {},
  openWizard: (wizard) => set({ wizard }),
  closeWizard: () => set({ wizard: null }),
  openPanel: (panelJobId) => set({ panelJobId }),
  seed: (jobId, samples) => {
    const cur = get().samples[jobId] ?? [];
    // Keep what arrived live after the backend's last sample.
    const last = samples[samples.length - 1]?.[0] ?? -1;
    set({ samples: { ...get().samples, [jobId]: [...samples, ...cur.filter(([t]) => t > last)].slice(-MAX_SAMPLES) } });
  },
  add: (job) => {
    if (job.kind !== 'migration') return;
    const f = job.detail.figures;
    const remaining = f.dataRemaining ?? f.memRemaining;
    if (remaining === undefined || !f.dataTotal || job.status !== 'running') return;
    const t = Date.now() - job.startedAt;
    const cur = get().samples[job.id] ?? [];
    const prev = cur[cur.length - 1];
    if (prev && prev[1] === remaining && t - prev[0] < 1000) return;
    const next = cur.length >= MAX_SAMPLES ? cur.slice(1) : cur.slice();
    next.push([t, remaining]);
    set({ samples: { ...get().samples, [job.id]: next } });
  },
}));
