import type { ExportedFile } from '../../preload/contract/index.ts';

/**
 * Hands a file made on the main side to the person: the browser's download (a save
 * dialog in Electron, the downloads folder in a browser), never a page of its own.
 */
export function saveFile(file: ExportedFile): void {
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference; the address only has to outlive the click.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
