import { BrowserWindow, screen } from 'electron';
import { SHOWROOM_URL } from './app-url.ts';
import type { DesktopPreferences } from '../shell/preferences.ts';
import { DEFAULT_SIZE, restorableBounds } from './window-bounds.ts';

const SAVE_BOUNDS_AFTER_MS = 500;

/** The showroom window: sandboxed, isolated, no Node; it reopens where it was left. */
export function openShowroomWindow(options: {
  preload: string;
  brand: string;
  preferences: DesktopPreferences;
}): BrowserWindow {
  const saved = restorableBounds(
    options.preferences.windowBounds,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(saved
      ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
      : DEFAULT_SIZE),
    minWidth: 720,
    minHeight: 480,
    title: `Trunkshow — ${options.brand}`,
    backgroundColor: '#f7f6f3',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // The page sets its own title from the brand; keep the one that names the app.
  window.on('page-title-updated', (event, title) => {
    if (!title.startsWith('Trunkshow')) event.preventDefault();
  });

  let timer: NodeJS.Timeout | undefined;
  const saveBounds = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed() || window.isMinimized()) return;
      const bounds = window.getNormalBounds();
      options.preferences.windowBounds = { ...bounds, maximized: window.isMaximized() };
    }, SAVE_BOUNDS_AFTER_MS);
  };
  window.on('resize', saveBounds);
  window.on('move', saveBounds);
  window.on('maximize', saveBounds);
  window.on('unmaximize', saveBounds);
  window.on('close', () => {
    clearTimeout(timer);
    const bounds = window.getNormalBounds();
    options.preferences.windowBounds = { ...bounds, maximized: window.isMaximized() };
  });

  void window.loadURL(SHOWROOM_URL);
  return window;
}
