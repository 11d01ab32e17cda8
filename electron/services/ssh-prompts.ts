/**
 * Who answers an SSH login prompt. A saved password goes only to the host it was saved for: the
 * target's own password prompt may be answered from the target's secret; a jump host's from the
 * secret of a saved host that is exactly that jump host (address, port, user); everything else
 * (passphrases, keyboard-interactive questions, passwords nobody saved) goes to the user.
 */
import type { HostId } from '../../shared/api';
import type { PromptHost, PromptRequest as SshPromptRequest } from '../transport/ssh';
import type { PromptAnswer, PromptRequest } from './prompts';

export interface SshPromptRouting {
  /** The host being connected (the prompt in the UI belongs to it). */
  hostId: HostId;
  /** The target's saved password, if any. */
  targetSecret: () => string | undefined;
  /** The saved password of the saved host that is exactly this jump host, if any. */
  jumpSecret: (jump: PromptHost) => string | undefined;
  /** Asks the user (the renderer's prompt dialog). */
  ask: (req: PromptRequest) => Promise<PromptAnswer>;
}

/** `host` or `host:port`, as the prompt shows it. */
export function promptHostName(h: PromptHost): string {
  const host = h.host.includes(':') ? `[${h.host}]` : h.host;
  return h.port === 22 ? h.host : `${host}:${h.port}`;
}

export async function answerSshPrompt(p: SshPromptRequest, r: SshPromptRouting): Promise<string[] | null> {
  if (p.kind === 'password') {
    const saved = p.for.role === 'target' ? r.targetSecret() : r.jumpSecret(p.for);
    if (saved !== undefined) return p.prompts.map(() => saved);
  }
  const answers: string[] = [];
  for (const q of p.prompts) {
    const a = await r.ask({ kind: 'password', hostId: r.hostId, user: p.for.user, host: promptHostName(p.for), message: q.prompt });
    if (!a.accept || a.secret === undefined) return null;
    answers.push(a.secret);
  }
  return answers;
}
