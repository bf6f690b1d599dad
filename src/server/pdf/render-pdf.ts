import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * pdfmake on the server with its bundled Roboto (accents and ß render), no
 * network access and no file access beyond the fonts.
 */
const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(fontDir, 'Roboto-Regular.ttf'),
    bold: join(fontDir, 'Roboto-Medium.ttf'),
    italics: join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));

export type PdfContent = Record<string, unknown> | string | unknown[];

export async function renderPdf(doc: {
  content: PdfContent;
  info?: Record<string, string>;
  styles?: Record<string, unknown>;
  pageOrientation?: 'portrait' | 'landscape';
}): Promise<Buffer> {
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 64],
      defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
      ...doc,
    })
    .getBuffer();
}
