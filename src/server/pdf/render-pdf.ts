import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * pdfmake on the server with its bundled Roboto (accents and ß render), no
 * network access and no file access beyond the fonts. Loaded on the first PDF,
 * not at start: pdfmake, pdfkit and fontkit take a tenth of a second and some
 * megabytes that most processes never use (decision 015).
 */
interface Pdfmake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}
let loaded: Pdfmake | null = null;

function pdfmake(): Pdfmake {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const instance = require('pdfmake') as Pdfmake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  instance.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  loaded = instance;
  return instance;
}

export type PdfContent = Record<string, unknown> | string | unknown[];

export async function renderPdf(doc: {
  content: PdfContent;
  info?: Record<string, string>;
  styles?: Record<string, unknown>;
  pageOrientation?: 'portrait' | 'landscape';
}): Promise<Buffer> {
  return pdfmake()
    .createPdf({
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 64],
      defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
      ...doc,
    })
    .getBuffer();
}
