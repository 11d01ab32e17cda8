/**
 * Questions for the user while connecting (unknown host key, password): emitted as `prompt`
 * events, answered through `prompts.answer`. Never an external askpass program.
 */
import { randomUUID } from 'node:crypto';
import type { Prompt } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { EventHub } from '../core/events';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type PromptRequest = DistributiveOmit<Prompt, 'id'>;
export interface PromptAnswer {
  accept: boolean;
  secret?: string;
}

export class PromptBroker {
  private waiting = new Map<string, (a: PromptAnswer) => void>();
  constructor(
    private readonly events: EventHub,
    private readonly timeoutMs = 5 * 60_000,
  ) {}

  ask(req: PromptRequest): Promise<PromptAnswer> {
    const id = `prompt-${randomUUID().slice(0, 8)}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ accept: false });
      }, this.timeoutMs);
      this.waiting.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      if (this.events.listenerCount('prompt') === 0) {
        // Nobody can answer (no window yet): refuse rather than hang the connection.
        this.answer(id, { accept: false });
        return;
      }
      this.events.emit('prompt', { ...req, id } as Prompt);
    });
  }

  answer(id: string, a: PromptAnswer): void {
    const fn = this.waiting.get(id);
    if (!fn) throw new AppError('not-found', 'That question is no longer open (it timed out or was answered).');
    this.waiting.delete(id);
    fn(a);
  }
}
