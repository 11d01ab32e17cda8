/** Live rates per domain (the domain.stats event). */

/** One domain's rates between two samples (per second). */
export interface DomainStatsSample {
  uuid: string;
  /** Share of the guest's own vCPUs, 0–100 (virt-manager's guest CPU); 0 until two readings of its counter. */
  cpuPercent: number;
  /** Share of all the host's CPUs, 0–100 (virt-manager's host CPU). */
  hostCpuPercent: number;
  /** What the VM costs the host: its QEMU process's resident memory (balloon.rss), else its allocation. */
  memoryKiB: number;
  diskReadBps: number;
  diskWriteBps: number;
  netRxBps: number;
  netTxBps: number;
}
