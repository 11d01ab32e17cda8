// The SSH transport (one session per host, its link, auth, ssh_config, host keys, shell quoting).
// Importers use `../transport/ssh`; the parts live beside this file.
export { preferredHostKeyAlgorithms } from './algorithms';
export { parseJumpSpec, parseSshConfig, type ResolvedSshConfig, resolveSshConfig, type SshConfigBlock } from './config';
export { AuthError, HostKeyMismatchError, HostKeyRejectedError, SshError } from './errors';
export { SshLink } from './link';
export { describeDrop, libvirtProxyArgv, ProxyStream } from './proxy';
export { remoteCommand, shellJoin, shellQuote } from './quote';
export { SshSession, type SshSessionEvents } from './session';
export type { HostKeyInfo, HostKeyPolicy, PromptHost, PromptRequest, SshAuth, SshConnectOptions, SshTarget } from './types';
