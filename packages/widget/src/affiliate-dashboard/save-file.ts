/**
 * Saves CSV text as a file named `name`: an object URL on a clicked `<a download>`, then
 * revoked. A UTF-8 byte order mark goes first, so that Excel reads the text as UTF-8.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', blob], { type: blob.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url));
}
