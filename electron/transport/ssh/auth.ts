// Authentication: one attempt per configured method, in order, skipping what the server refuses.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AnyAuthMethod, AuthenticationType, AuthHandlerMiddleware, ParsedKey, Prompt } from 'ssh2';
import ssh2 from 'ssh2';
import { AuthError } from './errors';
import type { PromptHost, PromptRequest, SshAuth, SshConnectOptions } from './types';

const { utils } = ssh2;

export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  explain: () => string;
  cancelled: () => boolean;
}

const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

export async function buildAuth(
  auth: SshAuth,
  configIdentities: string[],
  server: PromptHost,
  label: string,
  onPrompt: SshConnectOptions['onPrompt'],
): Promise<AuthPlan> {
  const user = server.user;
  const whose = server.role === 'jump' ? `the jump host ${label}` : label;
  let cancelled = false;
  const tried: string[] = [];
  const notes: string[] = [];
  let serverMethods: AuthenticationType[] | null = null;
  const steps: { type: AuthenticationType; describe: string; make: () => Promise<AnyAuthMethod | null> }[] = [];

  const ask = async (req: Omit<PromptRequest, 'for'>): Promise<string[] | null> => {
    if (!onPrompt) return null;
    const answers = await onPrompt({ ...req, for: { ...server } });
    if (answers === null) cancelled = true;
    return answers;
  };

  const keyStep = (path: string, passphrase: string | undefined, explicit: boolean): void => {
    steps.push({
      type: 'publickey',
      describe: `key ${path}`,
      make: async () => {
        let data: Buffer;
        try {
          data = await readFile(path);
        } catch (err) {
          if (explicit)
            throw new AuthError(`cannot read the key ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
          return null;
        }
        let key = utils.parseKey(data, passphrase);
        if (key instanceof Error && /passphrase/i.test(key.message) && passphrase === undefined) {
          const a = await ask({
            kind: 'passphrase',
            prompts: [{ prompt: `Passphrase for ${path} (to log in to ${whose}):`, echo: false }],
          });
          if (!a) return null;
          key = utils.parseKey(data, a[0] ?? '');
        }
        if (key instanceof Error) {
          if (explicit) throw new AuthError(`cannot use the key ${path}: ${key.message}`);
          return null;
        }
        const parsed: ParsedKey = Array.isArray(key) ? (key[0] as ParsedKey) : key;
        return { type: 'publickey', username: user, key: parsed };
      },
    });
  };

  if (auth.kind === 'agent') {
    steps.push({
      type: 'agent',
      describe: 'the keys in ssh-agent',
      make: async () => {
        const sock = process.env.SSH_AUTH_SOCK;
        if (!sock) notes.push('no ssh-agent is running (SSH_AUTH_SOCK is not set)');
        return sock ? { type: 'agent', username: user, agent: sock } : null;
      },
    });
    // Like ssh: the configured IdentityFiles, else the default key files (missing ones skipped).
    const files = configIdentities.length > 0 ? configIdentities : DEFAULT_IDENTITIES.map((f) => join(homedir(), '.ssh', f));
    for (const f of files) keyStep(f, undefined, false);
  } else if (auth.kind === 'key') {
    keyStep(auth.path, auth.passphrase, true);
  } else {
    let password = auth.password;
    const getPassword = async (): Promise<string | null> => {
      if (password !== undefined) return password;
      const a = await ask({ kind: 'password', prompts: [{ prompt: `Password for ${whose}:`, echo: false }] });
      password = a?.[0];
      return password ?? null;
    };
    steps.push({
      type: 'password',
      describe: 'the password',
      make: async () => {
        const p = await getPassword();
        return p === null ? null : { type: 'password', username: user, password: p };
      },
    });
    // Servers with PasswordAuthentication off often still take the password through PAM's
    // keyboard-interactive; use it only when plain password is not on offer (one try per password).
    steps.push({
      type: 'keyboard-interactive',
      describe: 'the password (keyboard-interactive)',
      make: async () => ({
        type: 'keyboard-interactive',
        username: user,
        prompt: (_name: string, _instr: string, _lang: string, prompts: Prompt[], finish: (answers: string[]) => void) => {
          void (async () => {
            const onlyPassword = prompts.length === 1 && prompts[0]?.echo !== true && /password/i.test(prompts[0]?.prompt ?? '');
            const answers =
              onlyPassword && (await getPassword()) !== null
                ? [password ?? '']
                : await ask({ kind: 'keyboard-interactive', prompts: prompts.map((p) => ({ prompt: p.prompt, echo: p.echo === true })) });
            finish(answers ?? []);
          })();
        },
      }),
    });
  }

  // First ask with 'none', as ssh does: the answer lists the methods the server allows, so we
  // never prompt for a password the server would not take anyway.
  steps.unshift({ type: 'none', describe: 'no authentication', make: async () => ({ type: 'none', username: user }) });

  let i = 0;
  const handler: AuthPlan['handler'] = (methodsLeft: AuthenticationType[] | null, _partial, nextAuth) => {
    // ssh2 takes `false` for "no more methods"; its typings only list method names.
    const next = nextAuth as (m: AnyAuthMethod | false) => void;
    if (methodsLeft) serverMethods = methodsLeft;
    void (async () => {
      while (i < steps.length && !cancelled) {
        const step = steps[i++];
        if (!step) break;
        const offered = serverMethods === null || serverMethods.includes(step.type === 'agent' ? 'publickey' : step.type);
        if (!offered) {
          if (step.type !== 'keyboard-interactive') notes.push(`the server does not allow ${step.type} logins for ${user}`);
          continue;
        }
        // keyboard-interactive is the fallback for a password only when 'password' was not offered.
        if (step.type === 'keyboard-interactive' && tried.includes('the password')) continue;
        let method: AnyAuthMethod | null;
        try {
          method = await step.make();
        } catch (err) {
          explicitError = err as Error;
          return next(false);
        }
        if (!method) continue;
        if (step.type !== 'none') tried.push(step.describe);
        return next(method);
      }
      next(false);
    })();
  };
  let explicitError: Error | null = null;

  return {
    handler,
    cancelled: () => cancelled,
    explain: () => {
      if (explicitError) return explicitError.message;
      const parts = [...new Set(notes)];
      if (tried.length > 0) parts.unshift(`${tried.join(', ')} ${tried.length === 1 ? 'was' : 'were'} not accepted`);
      if (parts.length === 0) parts.push('no usable credentials');
      const offered = serverMethods ? ` (the server accepts: ${serverMethods.join(', ')})` : '';
      return `${parts.join('; ')}${offered}`;
    },
  };
}
