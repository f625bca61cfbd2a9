import { contextBridge, ipcRenderer } from 'electron';
import type { ChosenFile, TrunkshowApi } from './contract/index.ts';
import { IPC_CHOOSE_CSV_FILES, IPC_INVOKE } from './contract/channels.ts';
import { unwrapResult } from './contract/result.ts';

/**
 * Electron's preload: exposes exactly the contract as `window.trunkshow`, never
 * ipcRenderer itself. Bundled to CommonJS, as a sandboxed preload must be.
 */
const api: TrunkshowApi = {
  invoke: async (name, input) => unwrapResult(await ipcRenderer.invoke(IPC_INVOKE, name, input)),
  chooseCsvFiles: async () =>
    unwrapResult<ChosenFile[]>(await ipcRenderer.invoke(IPC_CHOOSE_CSV_FILES)),
  shell: 'electron',
};

contextBridge.exposeInMainWorld('trunkshow', api);
