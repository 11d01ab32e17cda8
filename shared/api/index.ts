/**
 * The contract, one file per feature (see contract.ts for the requests and events). Everything is
 * re-exported here so that `from '…/shared/api'` names any part of it.
 */
export { CHANNEL_ID_RE, IPC_EVENT, IPC_INVOKE, IPC_STREAM } from '../channels';
export * from './clone';
export * from './common';
export * from './consoles';
export * from './contract';
export * from './domains';
export * from './guest';
export * from './hosts';
export * from './install';
export * from './jobs';
export * from './migration';
export * from './networks';
export * from './qos';
export * from './settings';
export * from './snapshots';
export * from './stats';
export * from './storage';
export * from './tuning';
export * from './usb';
