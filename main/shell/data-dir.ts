import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the desktop keeps its data when nobody says otherwise: the same folder Electron
 * calls userData, so both shells open the same showroom.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (env.TRUNKSHOW_DATA_DIR) return env.TRUNKSHOW_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Trunkshow');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Trunkshow');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Trunkshow');
}

/** This installation's id, kept beside its store: the audit log names the device of each change. */
export function deviceId(dataDir: string): string {
  const file = join(dataDir, 'device-id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const id = randomUUID();
  writeFileSync(file, id, { mode: 0o600 });
  return id;
}
