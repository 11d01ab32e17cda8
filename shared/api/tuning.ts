/** Host tuning (issue 20): KSM, huge pages, transparent huge pages, CPU topology and a pinning suggestion. */

/** This feature's requests, spread into the contract's `requests`. */
export const tuningRequests = {} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export type TuningEvents = {};
