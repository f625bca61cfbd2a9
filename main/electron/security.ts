import { app, session, shell, type WebContents } from 'electron';
import { isExternalWebUrl, isMailtoUrl, isShowroomUrl } from './app-url.ts';

/**
 * Electron's security checklist, for every web contents the app ever creates: no
 * navigation away from the showroom, no new windows (web links open in the system
 * browser), no <webview>, and every permission request refused.
 */
export function enforceSecurityPolicy(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.whenReady().then(
    () => {
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
        callback(false),
      );
      session.defaultSession.setPermissionCheckHandler(() => false);
    },
    () => undefined,
  );
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isShowroomUrl(url)) return;
    event.preventDefault();
    // A prepared email (an order confirmation's, a share link's) opens in the mail app.
    if (isMailtoUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isShowroomUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
