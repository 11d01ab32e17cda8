/** The VM settings editor and the XML editor (issue 19): its value types, schemas, requests and events. */

/** This feature's requests, spread into the contract's `requests`. */
export const settingsRequests = {} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export type SettingsEvents = {};
