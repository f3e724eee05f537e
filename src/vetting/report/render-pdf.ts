/**
 * Renders the statistics report to PDF bytes with pdfmake 0.3 (server side). The font is the
 * Roboto that ships inside the pdfmake package (Latin, Latin Extended-A for Lithuanian, Cyrillic
 * for Russian and Belarusian), embedded as a subset with a ToUnicode map, so the text can be
 * searched and copied. pdfmake may read only these font files and no URL at all.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfMake from 'pdfmake';
import type { StatisticsReport } from '../statistics.js';
import { reportDocument } from './report-document.js';

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let configured = false;

/** pdfmake is a module-level singleton: fonts and access policies are set once per process. */
function configurePdfMake(): void {
  if (configured) return;
  const require = createRequire(import.meta.url);
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const roboto = {
    normal: join(fontDir, FONT_FILES.normal),
    bold: join(fontDir, FONT_FILES.bold),
    italics: join(fontDir, FONT_FILES.italics),
    bolditalics: join(fontDir, FONT_FILES.bolditalics),
  };
  const allowed = new Set(Object.values(roboto));
  pdfMake.setFonts({ Roboto: roboto });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => allowed.has(path));
  configured = true;
}

export interface RenderOptions {
  /** Deflate the page streams (default true); tests turn it off to read the operators. */
  readonly compress?: boolean;
}

export async function renderReportPdf(
  report: StatisticsReport,
  options: RenderOptions = {},
): Promise<Buffer> {
  configurePdfMake();
  const document = { ...reportDocument(report), compress: options.compress ?? true };
  return pdfMake.createPdf(document).getBuffer();
}
