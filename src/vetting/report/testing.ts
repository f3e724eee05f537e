/**
 * A small PDF reader for tests: just enough of PDF to prove what a reader would see. It walks the
 * objects of a PDF as pdfkit writes them (direct stream lengths, FlateDecode or no filter), maps
 * each page's fonts to their ToUnicode CMaps and decodes the text-showing operators (`Tj`, `TJ`)
 * of the page contents back to Unicode. A glyph id 0 (`.notdef`, drawn as an empty box: "tofu")
 * is counted, so a test can prove every character was found in the embedded font.
 */
import { inflateSync } from 'node:zlib';

export interface PdfText {
  readonly pageCount: number;
  /** The embedded fonts' base names (`ABCDEF+Roboto-Regular`). */
  readonly fonts: readonly string[];
  /** Text lines per page, in drawing order; runs on the same baseline are joined. */
  readonly pages: readonly (readonly string[])[];
  /** Every line of every page, joined by newlines. */
  readonly text: string;
  /** Rectangles (`re` operators) drawn per page: vector chart bars, table rules. */
  readonly rectangles: readonly number[];
  /** Glyphs shown with code 0 (`.notdef`): characters the font did not have. */
  readonly notdefGlyphs: number;
  /** Codes shown that the font's ToUnicode map does not cover. */
  readonly unmappedCodes: number;
}

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

const OBJECT_HEADER = /(\d+) 0 obj\s*/gu;

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  // latin1 keeps one character per byte, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  OBJECT_HEADER.lastIndex = 0;
  for (;;) {
    const header = OBJECT_HEADER.exec(text);
    if (header === null) break;
    const start = header.index + header[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) throw new Error(`object ${header[1]} has no endobj`);
    const streamAt = text.indexOf('stream', start);
    if (streamAt < 0 || streamAt > end) {
      objects.set(Number(header[1]), { dict: text.slice(start, end), stream: null });
      OBJECT_HEADER.lastIndex = end;
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = /\/Length (\d+)(?! \d+ R)/u.exec(dict);
    if (length === null) throw new Error(`object ${header[1]}: no direct /Length`);
    let dataStart = streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart += 1;
    if (text[dataStart] === '\n') dataStart += 1;
    const raw = pdf.subarray(dataStart, dataStart + Number(length[1]));
    const stream = /\/Filter\s*\/FlateDecode/u.test(dict) ? inflateSync(raw) : raw;
    objects.set(Number(header[1]), { dict, stream });
    const after = text.indexOf('endobj', dataStart + raw.length);
    OBJECT_HEADER.lastIndex = after < 0 ? text.length : after;
  }
  return objects;
}

function ref(dict: string, key: string): number | null {
  const found = new RegExp(`/${key}\\s+(\\d+) 0 R`, 'u').exec(dict);
  return found === null ? null : Number(found[1]);
}

/** The `<< ... >>` value of `key` in `dict` (one nesting level is enough for pdfkit's output). */
function subDict(dict: string, key: string): string | null {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return null;
  const open = dict.indexOf('<<', at);
  const close = dict.indexOf('>>', open);
  return open < 0 || close < 0 ? null : dict.slice(open + 2, close);
}

/** A ToUnicode destination: UTF-16BE code units in hex, which pdfkit separates by spaces. */
function utf16Hex(hex: string): string {
  const clean = hex.replace(/\s+/gu, '');
  const units: number[] = [];
  for (let index = 0; index + 4 <= clean.length; index += 4) {
    units.push(Number.parseInt(clean.slice(index, index + 4), 16));
  }
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap: `bfchar` pairs and `bfrange` runs (offset or array form). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/gu)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/gu)) {
      map.set(Number.parseInt(pair[1]!, 16), utf16Hex(pair[2]!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/gu)) {
    const body = block[1] ?? '';
    const entry = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/gu;
    for (const range of body.matchAll(entry)) {
      const low = Number.parseInt(range[1]!, 16);
      const high = Number.parseInt(range[2]!, 16);
      const target = range[3]!;
      if (target.startsWith('[')) {
        const values = [...target.matchAll(/<([0-9a-fA-F\s]+)>/gu)].map((value) => value[1]!);
        values.forEach((value, offset) => {
          if (low + offset <= high) map.set(low + offset, utf16Hex(value));
        });
      } else {
        const first = Number.parseInt(target.slice(1, -1).replace(/\s+/gu, ''), 16);
        for (let code = low; code <= high; code += 1) {
          map.set(code, String.fromCodePoint(first + (code - low)));
        }
      }
    }
  }
  return map;
}

interface FontInfo {
  readonly baseFont: string;
  readonly toUnicode: Map<number, string>;
}

/**
 * Content-stream tokens: hex strings, literal strings, names, numbers, arrays and operators. Only
 * what the text operators need is kept apart; the rest passes as opaque words.
 */
const TOKEN =
  /<([0-9a-fA-F\s]*)>|\((?:\\.|[^\\)])*\)|\/([^\s/<>[\]()]+)|(-?\d*\.?\d+)|(\[)|(\])|([A-Za-z'"*]+)/gu;

function readPage(
  content: string,
  fonts: ReadonlyMap<string, FontInfo>,
  counts: { notdef: number; unmapped: number; rectangles: number },
): string[] {
  const lines: string[] = [];
  let font: FontInfo | null = null;
  let y: string | null = null;
  let lineY: string | null = null;
  let operands: string[] = [];
  let array: string[] | null = null;
  const decode = (hex: string): string => {
    let out = '';
    const clean = hex.replace(/\s+/gu, '');
    for (let index = 0; index + 4 <= clean.length; index += 4) {
      const code = Number.parseInt(clean.slice(index, index + 4), 16);
      if (code === 0) counts.notdef += 1;
      const char = font?.toUnicode.get(code);
      if (char === undefined) counts.unmapped += 1;
      else out += char;
    }
    return out;
  };
  const show = (text: string) => {
    if (lineY !== null && lineY === y && lines.length > 0) {
      lines[lines.length - 1] += text;
    } else {
      lines.push(text);
      lineY = y;
    }
  };
  for (const token of content.matchAll(TOKEN)) {
    const [whole, hex, name, number, open, close, operator] = token;
    if (array !== null) {
      if (close !== undefined) {
        operands.push(`[${array.join('')}]`);
        array = null;
      } else if (hex !== undefined) {
        array.push(decode(hex));
      }
      continue;
    }
    if (open !== undefined) array = [];
    else if (hex !== undefined) operands.push(decode(hex));
    else if (name !== undefined) operands.push(`/${name}`);
    else if (number !== undefined) operands.push(number);
    else if (operator !== undefined) {
      if (operator === 'Tf') {
        const fontName = operands[operands.length - 2]?.slice(1) ?? '';
        font = fonts.get(fontName) ?? null;
      } else if (operator === 'Tm') {
        y = operands[operands.length - 1] ?? null;
      } else if (operator === 'Tj' || operator === "'" || operator === '"') {
        show(operands[operands.length - 1] ?? '');
      } else if (operator === 'TJ') {
        show((operands[operands.length - 1] ?? '[]').slice(1, -1));
      } else if (operator === 're') {
        counts.rectangles += 1;
      }
      operands = [];
    } else if (whole.startsWith('(')) {
      operands.push(whole);
    }
  }
  return lines;
}

export function readPdfText(pdf: Buffer): PdfText {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const objects = parseObjects(pdf);
  const root = [...objects.values()].find((object) => /\/Type\s*\/Pages\b/u.test(object.dict));
  if (root === undefined) throw new Error('no page tree');
  const kids = /\/Kids\s*\[([^\]]*)\]/u.exec(root.dict)?.[1] ?? '';
  const pageIds = [...kids.matchAll(/(\d+) 0 R/gu)].map((kid) => Number(kid[1]));

  const fontCache = new Map<number, FontInfo>();
  const fontInfo = (id: number): FontInfo => {
    let info = fontCache.get(id);
    if (info === undefined) {
      const dict = objects.get(id)?.dict ?? '';
      const cmapId = ref(dict, 'ToUnicode');
      const cmap = cmapId === null ? null : objects.get(cmapId)?.stream;
      info = {
        baseFont: /\/BaseFont\s*\/([^\s/>]+)/u.exec(dict)?.[1] ?? '',
        toUnicode: cmap == null ? new Map() : parseToUnicode(cmap.toString('latin1')),
      };
      fontCache.set(id, info);
    }
    return info;
  };

  const counts = { notdef: 0, unmapped: 0, rectangles: 0 };
  const rectangles: number[] = [];
  const pages = pageIds.map((pageId) => {
    const page = objects.get(pageId);
    if (page === undefined || !/\/Type\s*\/Page\b/u.test(page.dict)) {
      throw new Error(`page ${pageId} is missing`);
    }
    const resourcesId = ref(page.dict, 'Resources');
    const resources =
      resourcesId === null ? page.dict : (objects.get(resourcesId)?.dict ?? page.dict);
    const fonts = new Map<string, FontInfo>();
    for (const entry of (subDict(resources, 'Font') ?? '').matchAll(/\/(\S+)\s+(\d+) 0 R/gu)) {
      fonts.set(entry[1]!, fontInfo(Number(entry[2])));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/u.exec(page.dict)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+) 0 R/gu)].map(
      (id) => objects.get(Number(id[1]))?.stream?.toString('latin1') ?? '',
    );
    const before = counts.rectangles;
    const lines = readPage(streams.join('\n'), fonts, counts);
    rectangles.push(counts.rectangles - before);
    return lines;
  });
  return {
    pageCount: pages.length,
    fonts: [...new Set([...fontCache.values()].map((font) => font.baseFont))].sort(),
    pages,
    text: pages.map((lines) => lines.join('\n')).join('\n'),
    rectangles,
    notdefGlyphs: counts.notdef,
    unmappedCodes: counts.unmapped,
  };
}
