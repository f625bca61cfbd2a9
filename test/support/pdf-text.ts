import { getDocumentProxy } from 'unpdf';

/** The text of each page of a PDF, a line per run of text, as a reader's search finds it. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it is given.
  const document = await getDocumentProxy(bytes.slice());
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .filter((text) => text.trim() !== '')
        .join('\n'),
    );
  }
  await document.loadingTask.destroy();
  return pages;
}
