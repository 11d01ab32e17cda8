// The public types of the SSH transport: what a host is, how to log in, how host keys and prompts
// are handled.

export type SshAuth = { kind: 'agent' } | { kind: 'key'; path: string; passphrase?: string } | { kind: 'password'; password?: string };

export interface SshTarget {
  /** A host name, an address or a ~/.ssh/config alias. */
  host: string;
  port?: number;
  user?: string;
  auth: SshAuth;
  /** `[user@]host[:port]`, comma-separated for a chain, or 'none'; overrides ProxyJump from ssh config. */
  proxyJump?: string;
}

export interface HostKeyInfo {
  host: string;
  port: number;
  keyType: string;
  /** 'SHA256:…' as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

export interface HostKeyPolicy {
  /** OpenSSH known_hosts; hashed entries supported. Trusted new keys are appended here. */
  knownHostsPath: string;
  /** A host not on file: true = trust and append, false = refuse. */
  onUnknown: (info: HostKeyInfo) => Promise<boolean>;
}

/**
 * The SSH server a prompt comes from: its answer is sent there (a key passphrase only unlocks a
 * local key, to log in there). 'jump' = a ProxyJump hop on the way to the target, which must
 * never get the target's saved password.
 */
export interface PromptHost {
  role: 'target' | 'jump';
  /** After ~/.ssh/config (HostName), as connected to. */
  host: string;
  port: number;
  user: string;
}

export interface PromptRequest {
  /** password: the account's password; passphrase: a local key's; keyboard-interactive: the server's own questions. */
  kind: 'password' | 'passphrase' | 'keyboard-interactive';
  for: PromptHost;
  prompts: { prompt: string; echo: boolean }[];
}

export interface SshConnectOptions {
  hostKeys: HostKeyPolicy;
  /** Answers for password / keyboard-interactive / key passphrase prompts; null = cancel. */
  onPrompt?: (p: PromptRequest) => Promise<string[] | null>;
  /** SSH-level keepalive; the session is declared dead after 3 unanswered. Default 5 s. */
  keepaliveIntervalMs?: number;
  /** Handshake + authentication deadline. Default 20 s. */
  readyTimeoutMs?: number;
  /** Default ~/.ssh/config; a missing file is fine. */
  sshConfigPath?: string;
  /** How long to wait for the server to open a channel (exec, forward). Default 10 s. */
  channelTimeoutMs?: number;
  /** The most stdout (and, separately, stderr) `run` collects before it stops the command. Default 8 MiB. */
  maxRunOutputBytes?: number;
}
