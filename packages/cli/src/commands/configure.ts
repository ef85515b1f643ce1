/**
 * `volc-speech configure`: writes a profile of our own. The access key, region, endpoint and
 * watched services go to config.json; the secret key to the OS keychain where there is one,
 * else to credentials.json with mode 0600 — and the command says plainly which.
 * On a terminal it asks (the secret without echo); otherwise it reads the secret key from
 * standard input (one line), so it never has to appear in a command line or shell history.
 */
import { DEFAULT_REGION, redactAccessKey } from '@volc-speech/client';
import { keychainAccount, keychainUnavailableReason, KEYCHAIN_SERVICE, openKeychain } from '../config/keychain.js';
import { ProfileStore, type StoredProfile } from '../config/profileStore.js';
import type { CliIo } from '../main.js';
import { checkRegion, splitList, type Command, type GlobalOptions } from '../parseArgs.js';
import { ask, readAll } from '../prompt.js';
import { defaultWatchedServices } from '../status/watchedServices.js';
import { EXIT_OK, UsageError } from '../usageError.js';

export async function runConfigure(io: CliIo, globals: GlobalOptions, command: Extract<Command, { kind: 'configure' }>): Promise<number> {
  const name = globals.profile ?? io.env['VOLC_PROFILE']?.trim() ?? 'default';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) throw new UsageError(`VOLC_PROFILE must be a profile name, got ${JSON.stringify(name)}`);
  const store = new ProfileStore(io.env);
  const existing = store.profiles().get(name) ?? {};
  const stdin = io.stdin;
  const interactive = stdin?.isTTY === true;
  const terminalOut = io.stderr as unknown as NodeJS.WritableStream;

  let accessKeyId = command.accessKey;
  let secret: string | undefined;
  let region = globals.region;
  let services = command.services;
  if (interactive) {
    if (!accessKeyId) accessKeyId = (await ask(stdin, terminalOut, `Access key ID${existing.accessKeyId ? ` [${redactAccessKey(existing.accessKeyId)}]` : ''}: `)) || existing.accessKeyId;
    secret = await ask(stdin, terminalOut, 'Secret access key (not shown): ', true);
    if (!region) {
      const answer = await ask(stdin, terminalOut, `Region [${existing.region ?? DEFAULT_REGION}]: `);
      if (answer) region = checkRegion('the region', answer);
    }
    if (!services) {
      const current = existing.services ?? defaultWatchedServices();
      const answer = await ask(stdin, terminalOut, `Services to watch, comma-separated [${current.join(',')}]: `);
      if (answer) services = splitList(answer);
    }
  } else if (stdin) {
    // Piped: the secret key is the first line of standard input.
    secret = (await readAll(stdin)).split(/\r?\n/)[0]?.trim();
  }
  if (!accessKeyId) throw new UsageError('configure needs an access key: give --access-key AK (the secret key is then read from standard input), or run it at a terminal to be asked');
  if (!secret) {
    if (existing.accessKeyId === accessKeyId && existing.secret) secret = undefined;
    else throw new UsageError('configure needs the secret key on standard input (one line), e.g. printf "%s\\n" "$SECRET" | volc-speech configure --access-key AK');
  }

  const profile: StoredProfile = { ...existing, accessKeyId };
  if (region) profile.region = region;
  if (globals.endpoint) profile.endpoint = globals.endpoint;
  profile.services = services ?? existing.services ?? defaultWatchedServices();

  let where: string;
  if (secret) {
    const keychain = command.secretFile ? undefined : await openKeychain();
    if (keychain) {
      await keychain.set(keychainAccount(name), secret);
      store.saveFileSecret(name, undefined);
      profile.secret = 'keychain';
      where = `the OS keychain (service "${KEYCHAIN_SERVICE}", account "${keychainAccount(name)}")`;
    } else {
      store.saveFileSecret(name, secret);
      profile.secret = 'file';
      where = `${store.credentialsFile} (mode 0600: only you can read it; ${command.secretFile ? 'as asked by --secret-file' : `no OS keychain here: ${keychainUnavailableReason}`})`;
    }
  } else {
    where = `${existing.secret === 'keychain' ? 'the OS keychain' : store.credentialsFile} (unchanged)`;
  }
  store.save(name, profile);
  io.stdout.write(
    `Profile "${name}" saved in ${store.configFile}: access key ${redactAccessKey(accessKeyId)}, region ${profile.region ?? `${DEFAULT_REGION} (default)`}, watching ${profile.services.join(', ')}.\n` +
      `The secret key is stored in ${where}.\n` +
      `Use it with --profile ${name} or VOLC_PROFILE=${name}${name === 'default' ? ' (or nothing: it is the default)' : ''}; volc-speech whoami shows what is in effect.\n`,
  );
  return EXIT_OK;
}
