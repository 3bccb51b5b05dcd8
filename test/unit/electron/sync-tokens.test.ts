import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageTokenKeeper, type SecretStorage } from '../../../electron/main/sync-tokens';
import { tempDir } from '../../helpers/temp-dir';

/** A stand-in for Electron's safeStorage: reversible, and visibly not the plain text. */
const storage = (available: boolean): SecretStorage => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('the desktop app keeps sync tokens with safeStorage', () => {
  it('writes only the encrypted token, reads it back in a new session, and forgets it', async () => {
    const file = join(await tempDir(), 'sync-tokens.json');
    const remote = 'https://git.academy.example/library.git';
    await safeStorageTokenKeeper(file, storage(true)).set(remote, 'glpat-secret-token');
    expect(await readFile(file, 'utf8')).not.toContain('glpat-secret-token');
    const later = safeStorageTokenKeeper(file, storage(true));
    expect(await later.get(remote)).toBe('glpat-secret-token');
    await later.set(remote, null);
    expect(await safeStorageTokenKeeper(file, storage(true)).get(remote)).toBeNull();
  });

  it('keeps a token for the session only where the system offers no encryption', async () => {
    const file = join(await tempDir(), 'sync-tokens.json');
    const keeper = safeStorageTokenKeeper(file, storage(false));
    await keeper.set('https://h/x.git', 'plain-token');
    expect(await keeper.get('https://h/x.git')).toBe('plain-token');
    expect(await readFile(file, 'utf8')).not.toContain('plain-token');
    expect(await safeStorageTokenKeeper(file, storage(false)).get('https://h/x.git')).toBeNull();
  });
});
