/**
 * The desktop app keeps the access token of an HTTPS sync remote with Electron's safeStorage (the OS
 * keychain: Keychain on macOS, DPAPI on Windows, libsecret on Linux): only the encrypted bytes are written,
 * to sync-tokens.json in the app's own folder. Where the OS offers no encryption the token is kept in memory
 * for the session only, never written in plain text.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../services/store/atomic-file';
import type { TokenKeeper } from '../services/sync/sync-service';

/** The part of Electron's safeStorage used here (a seam for tests). */
export type SecretStorage = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

const TokensFileSchema = z.record(z.string().max(2000), z.string().max(10_000));

export function safeStorageTokenKeeper(file: string, storage: SecretStorage): TokenKeeper {
  const session = new Map<string, string>();
  const read = async (): Promise<Map<string, string>> => {
    try {
      const parsed = TokensFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return new Map(parsed.success ? Object.entries(parsed.data) : []);
    } catch {
      return new Map();
    }
  };
  return {
    async get(remote) {
      const inSession = session.get(remote);
      if (inSession !== undefined) return inSession;
      const encrypted = (await read()).get(remote);
      if (encrypted === undefined || !storage.isEncryptionAvailable()) return null;
      try {
        return storage.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        return null;
      }
    },
    async set(remote, token) {
      const stored = await read();
      session.delete(remote);
      stored.delete(remote);
      if (token !== null) {
        if (storage.isEncryptionAvailable()) stored.set(remote, storage.encryptString(token).toString('base64'));
        else session.set(remote, token);
      }
      await writeFileAtomic(file, `${JSON.stringify(Object.fromEntries(stored), null, 2)}\n`);
    },
  };
}
