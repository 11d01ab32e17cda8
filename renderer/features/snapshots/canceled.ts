/**
 * What a cancelled snapshot delete left. A cancel before any merge ended leaves the chain as it was;
 * one after an earlier disk's merge ended does not, and the job's error says what was merged, that no
 * file was removed and not to revert to the snapshot while it is listed (execute.ts afterMerge).
 */
import type { ApiError } from '../../../shared/api/common';

const AS_IT_WAS = "Cancelled: libvirt stopped the block job; the snapshot and the VM's chain are as they were.";

export function canceledText(error: ApiError | undefined): { message: string; hint?: string } {
  // Only an error with a hint says more than "cancelled" (the plain cancel's own hint says the chain is as it was).
  if (!error?.hint) return { message: AS_IT_WAS };
  return { message: `Cancelled: ${error.message}`, hint: error.hint };
}
