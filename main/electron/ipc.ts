import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  CSV_FILE_MAX_BYTES,
  type ChosenFile,
  type OperationErrorData,
} from '../../preload/contract/index.ts';
import type { Caller } from '../shell/messages.ts';
import type { ServiceHost } from '../shell/service-host.ts';
import { IPC_CHOOSE_CSV_FILES, IPC_INVOKE } from '../../preload/contract/channels.ts';
import { isShowroomUrl } from './app-url.ts';

type DispatchResult = Awaited<ReturnType<ServiceHost['call']>>;

const REFUSED: OperationErrorData = {
  code: 'forbidden',
  message: 'Only the Trunkshow showroom may ask for this.',
};

/**
 * The contract on Electron IPC. It carries calls and nothing else: the sender must be
 * the showroom page in one of our windows, and the worker validates every input.
 */
export function mountContractOnIpc(host: ServiceHost, caller: Caller): void {
  ipcMain.handle(IPC_INVOKE, (event, name: unknown, input: unknown): Promise<DispatchResult> => {
    if (!isTrustedSender(event)) return Promise.resolve({ ok: false, error: REFUSED });
    if (typeof name !== 'string') {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid_input', message: 'An operation needs a name.' },
      });
    }
    return host.call(name, caller, input);
  });

  ipcMain.handle(IPC_CHOOSE_CSV_FILES, async (event): Promise<DispatchResult> => {
    if (!isTrustedSender(event)) return { ok: false, error: REFUSED };
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: 'Import catalog CSV files',
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [{ name: 'CSV files', extensions: ['csv'] }],
    };
    const chosen = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    if (chosen.canceled) return { ok: true, value: [] };
    try {
      return { ok: true, value: await Promise.all(chosen.filePaths.map(readCsvFile)) };
    } catch (error) {
      return { ok: false, error: { code: 'invalid_input', message: (error as Error).message } };
    }
  });
}

async function readCsvFile(path: string): Promise<ChosenFile> {
  const name = basename(path);
  const { size } = await stat(path);
  if (size > CSV_FILE_MAX_BYTES) {
    throw new Error(`${name} is larger than 50 MB; split it into several files.`);
  }
  return { name, content: await readFile(path, 'utf8') };
}

/** VS Code's rule: answer only frames we loaded, in windows we made. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !isShowroomUrl(frame.url)) return false;
  return BrowserWindow.getAllWindows().some((window) => window.webContents === event.sender);
}
