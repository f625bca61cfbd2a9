import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appRequestOf,
  isExternalWebUrl,
  isMailtoUrl,
  isShowroomUrl,
} from '../../../main/electron/app-url.ts';

const dir = resolve('/opt/trunkshow/dist/showroom');

describe('app:// requests', () => {
  it('serves the showroom’s own files and its pictures', () => {
    expect(appRequestOf('app://showroom/index.html', dir)).toEqual({
      kind: 'file',
      path: join(dir, 'index.html'),
    });
    expect(appRequestOf('app://showroom/', dir)).toEqual({
      kind: 'file',
      path: join(dir, 'index.html'),
    });
    expect(appRequestOf('app://showroom/assets/index-abc.js?v=1', dir)).toEqual({
      kind: 'file',
      path: join(dir, 'assets', 'index-abc.js'),
    });
    expect(appRequestOf('app://showroom/media/0193-abc', dir)).toEqual({
      kind: 'media',
      id: '0193-abc',
    });
  });

  it('never reaches outside the showroom folder, however the path is spelled', () => {
    for (const url of [
      'app://showroom/../../etc/passwd',
      'app://showroom/%2e%2e/%2e%2e/etc/passwd',
      'app://showroom/assets/..%2f..%2f..%2fsecret',
      'app://showroom/%00index.html',
      'app://showroom/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const request = appRequestOf(url, dir);
      if (request.kind === 'file') expect(request.path.startsWith(dir + sep), url).toBe(true);
      else expect(request, url).toEqual({ kind: 'refused' });
    }
    expect(appRequestOf('app://showroom/%2e%2e/%2e%2e/etc/passwd', dir)).toEqual({
      kind: 'file',
      path: join(dir, 'etc', 'passwd'),
    });
  });

  it('trusts only showroom pages and opens only web links outside', () => {
    expect(isShowroomUrl('app://showroom/index.html')).toBe(true);
    expect(isShowroomUrl('app://evil/index.html')).toBe(false);
    expect(isShowroomUrl('https://showroom/index.html')).toBe(false);
    expect(isExternalWebUrl('https://trunkshow.app/help')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isMailtoUrl('mailto:ines%40boutique.example?subject=Order')).toBe(true);
    expect(isMailtoUrl('https://mailto.example')).toBe(false);
    expect(isMailtoUrl('javascript:alert(1)')).toBe(false);
  });
});
