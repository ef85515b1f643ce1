/**
 * The secret stores the tray falls back to where keytar cannot load: Electron safeStorage
 * (an encrypted file) and memory, and the order openSecretStore picks them in. safeStorage
 * here is a real AES-256-GCM cipher with the shape of Electron's API.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSecretStore } from '../../src/core/secrets/openSecretStore.js';
import { SAFE_STORAGE_FILE, SafeStorageSecretStore, type SafeStorageLike } from '../../src/core/secrets/safeStorageSecretStore.js';
import { MemorySecretStore } from '../../src/core/secrets/secretStore.js';
import { KeytarSecretStore } from '../../src/core/secrets/keytarSecretStore.js';

function aesSafeStorage(backend = 'gnome_libsecret', key = randomBytes(32)): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tray-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SafeStorageSecretStore', () => {
  it('keeps ciphertext only, survives a restart, deletes, and treats profile ids as data', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const store = new SafeStorageSecretStore(aesSafeStorage('kwallet5', key), dir);
    await store.set('work', 'SK-very-secret-1');
    await store.set('__proto__', 'SK-odd-id');
    const file = path.join(dir, SAFE_STORAGE_FILE);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('SK-very-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const reopened = new SafeStorageSecretStore(aesSafeStorage('kwallet5', key), dir);
    expect(await reopened.get('work')).toBe('SK-very-secret-1');
    expect(await reopened.get('__proto__')).toBe('SK-odd-id');
    expect(await reopened.get('constructor')).toBeNull();
    await reopened.delete('work');
    expect(await reopened.get('work')).toBeNull();
    expect(reopened.info).toMatchObject({ kind: 'safeStorage', persistent: true });
    expect(reopened.info.description).toContain('key in kwallet5');
  });

  it('refuses a file it did not write, saying what to do', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SAFE_STORAGE_FILE), '{"version":7}');
    await expect(new SafeStorageSecretStore(aesSafeStorage(), dir).get('x')).rejects.toThrow(/not a secrets file this app wrote.*move it away/);
  });
});

describe('openSecretStore', () => {
  const failingKeytar = () => KeytarSecretStore.load('test', () => Promise.reject(new Error("Cannot find package 'keytar'")));

  it('uses keytar when it loads and a keychain answers', async () => {
    const entries = new Map<string, string>();
    const keytar = {
      getPassword: async (s: string, a: string) => entries.get(`${s}/${a}`) ?? null,
      setPassword: async (s: string, a: string, p: string) => void entries.set(`${s}/${a}`, p),
      deletePassword: async (s: string, a: string) => entries.delete(`${s}/${a}`),
    };
    const store = await openSecretStore({ loadKeytar: () => KeytarSecretStore.load('test', async () => keytar), safeStorage: aesSafeStorage(), directory: tempDir() });
    expect(store.info.kind).toBe('keychain');
  });

  it('falls back to safeStorage when keytar is missing or no keychain answers, and logs why', async () => {
    const lines: string[] = [];
    const noKeychain = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: async () => undefined,
      deletePassword: async () => true,
    };
    const store = await openSecretStore({
      loadKeytar: () => KeytarSecretStore.load('test', async () => ({ default: noKeychain })),
      safeStorage: aesSafeStorage(),
      directory: tempDir(),
      log: (l) => lines.push(l),
    });
    expect(store.info.kind).toBe('safeStorage');
    expect(lines.join('\n')).toMatch(/keytar is not available \(keytar: Cannot autolaunch D-Bus/);
  });

  it('keeps secrets in memory, and says so, where safeStorage would use a fixed key or none', async () => {
    for (const safeStorage of [aesSafeStorage('basic_text'), { ...aesSafeStorage(), isEncryptionAvailable: () => false }, undefined]) {
      const store = await openSecretStore({ loadKeytar: failingKeytar, ...(safeStorage ? { safeStorage } : {}), directory: tempDir() });
      expect(store).toBeInstanceOf(MemorySecretStore);
      expect(store.info).toMatchObject({ kind: 'memory', persistent: false });
      expect(store.info.description).toMatch(/in memory only until you quit: no system keychain is available \(keytar: Cannot find package 'keytar'/);
      await store.set('p', 'SK-1');
      expect(await store.get('p')).toBe('SK-1');
    }
  });
});
