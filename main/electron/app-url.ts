import { normalize, resolve, sep } from 'node:path';

/**
 * The showroom's own origin in Electron. Pages come from here, never from the network,
 * and only frames of this origin may call the main side.
 */
export const APP_SCHEME = 'app';
export const SHOWROOM_ORIGIN = 'app://showroom';
export const SHOWROOM_URL = `${SHOWROOM_ORIGIN}/index.html`;

export function isShowroomUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'showroom';
  } catch {
    return false;
  }
}

export type AppRequest =
  { kind: 'file'; path: string } | { kind: 'media'; id: string } | { kind: 'refused' };

/**
 * What an app:// request asks for: a file of the built showroom (never one outside its
 * folder, however the path is spelled) or a picture from the store.
 */
export function appRequestOf(url: string, showroomDir: string): AppRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'showroom')
    return { kind: 'refused' };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (path.includes('\0')) return { kind: 'refused' };
  const media = /^\/media\/([\w-]{1,64})$/.exec(path);
  if (media) return { kind: 'media', id: media[1]! };
  const relative = path === '/' ? 'index.html' : normalize(path).replace(/^[/\\]+/, '');
  const root = resolve(showroomDir);
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return { kind: 'refused' };
  return { kind: 'file', path: file };
}

/** Only web addresses a person may open in their browser: http(s), nothing local. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A mailto: address (a prepared email), which the system's mail app opens. */
export function isMailtoUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'mailto:';
  } catch {
    return false;
  }
}
