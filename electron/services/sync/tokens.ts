/**
 * Token keepers for hosts without a keychain. The CLI reads CC_SYNC_TOKEN and keeps nothing; the web
 * harness keeps a token given in Settings in memory only, for as long as it runs, with CC_SYNC_TOKEN as the
 * fallback. Neither ever writes a token to disk. (The desktop app keeps it with Electron's safeStorage:
 * electron/main/sync-tokens.ts.)
 */
import { AppError } from '../../../shared/errors';
import type { TokenKeeper } from './sync-service';

export const TOKEN_ENV = 'CC_SYNC_TOKEN';

const fromEnv = (env: NodeJS.ProcessEnv): string | null => {
  const token = env[TOKEN_ENV]?.trim();
  return token ? token : null;
};

export function envTokenKeeper(env: NodeJS.ProcessEnv = process.env): TokenKeeper {
  return {
    get: () => Promise.resolve(fromEnv(env)),
    set: (_remote, token) =>
      token === null
        ? Promise.resolve()
        : Promise.reject(new AppError('invalid-argument', `The command line does not keep tokens: set the environment variable ${TOKEN_ENV} instead.`)),
  };
}

export function memoryTokenKeeper(env: NodeJS.ProcessEnv = process.env): TokenKeeper {
  const tokens = new Map<string, string>();
  return {
    get: (remote) => Promise.resolve(tokens.get(remote) ?? fromEnv(env)),
    set: (remote, token) => {
      if (token === null) tokens.delete(remote);
      else tokens.set(remote, token);
      return Promise.resolve();
    },
  };
}
