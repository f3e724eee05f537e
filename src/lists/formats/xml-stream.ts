import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ParseError } from '../../shared/errors.js';
import { displayName, openListFile } from '../io.js';
import type { ParseInfo } from '../types.js';

/** saxes without namespace processing: tags carry plain `name` and `attributes`. */
export type PlainSaxesParser = SaxesParser<{ xmlns: false; position: true }>;

/**
 * What an XML list parser plugs into the streaming driver. Handlers receive saxes' own tag objects
 * (no namespace processing: the lists use one default namespace, and saxes' `xmlns` mode costs a
 * good part of its speed).
 */
export interface XmlRecordHandler<T> {
  opentag(tag: SaxesTagPlain): void;
  closetag(tag: SaxesTagPlain): void;
  /** Records completed so far; the driver yields and empties it after every chunk. */
  readonly ready: T[];
  /** Where the parser is now, for errors raised by saxes (e.g. `sanctionEntity[logicalId=13]`). */
  where(): string | undefined;
  /** Called once the whole document has been read (root checks, final warnings). */
  end?(): void;
}

/** Bytes decoded and handed to saxes at a time. */
const SLICE = 1 << 16;

/**
 * Streams one XML file through saxes and yields the records the handler completes, one chunk at a
 * time: memory stays bounded by a chunk's worth of records, never the whole file. Any XML error
 * (malformed markup, truncation) becomes a `ParseError` naming the file, the line and the element.
 */
export async function* streamXmlRecords<T>(
  path: string,
  info: ParseInfo,
  makeHandler: (parser: PlainSaxesParser) => XmlRecordHandler<T>,
): AsyncGenerator<T> {
  const file = displayName(path);
  const parser: PlainSaxesParser = new SaxesParser({ xmlns: false, position: true });
  const handler = makeHandler(parser);
  parser.on('opentag', handler.opentag);
  parser.on('closetag', handler.closetag);

  const fail = (error: unknown): ParseError => {
    if (error instanceof ParseError) return error;
    const message = error instanceof Error ? error.message : String(error);
    // saxes prefixes its messages with "line:column: "; the location is ours to format.
    const problem = message.replace(/^\d+:\d+: /u, '');
    const element = handler.where();
    return new ParseError(
      element === undefined ? { file, line: parser.line } : { file, line: parser.line, element },
      `invalid XML: ${problem}`,
      { cause: error },
    );
  };

  const stream = await openListFile(path, info);
  // Decoded here rather than with `stream.setEncoding`: that would also turn the chunks the byte
  // counter sees into strings, and `info.bytesRead` would count characters. A streaming
  // TextDecoder gives the text StringDecoder (`setEncoding`) gives, faster: a character split
  // between pieces waits for the next one, bad bytes become U+FFFD, and with `ignoreBOM` a
  // byte-order mark is handed on to saxes.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const streaming = { stream: true };
  const ready = handler.ready;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      // Decode and tokenise a read in slices, and hand the records over after each one: records
      // then die young (a 1 MB read holds ~700 EU entities), which keeps garbage collection cheap.
      // Slicing the bytes rather than the decoded text gives saxes flat strings: a slice of a
      // string is a view whose every character read goes through its parent, which made
      // tokenising the UN list ~10% slower.
      for (let start = 0; start < bytes.length; start += SLICE) {
        const text = decoder.decode(
          start === 0 && bytes.length <= SLICE ? bytes : bytes.subarray(start, start + SLICE),
          streaming,
        );
        if (text === '') continue;
        try {
          parser.write(text);
        } catch (error) {
          throw fail(error);
        }
        if (ready.length > 0) {
          // Copy out and clear before yielding: the consumer may be slow, the array is reused.
          const batch = ready.splice(0, ready.length);
          for (const record of batch) yield record;
        }
      }
    }
    try {
      const rest = decoder.decode();
      if (rest !== '') parser.write(rest);
      parser.close();
      handler.end?.();
    } catch (error) {
      throw fail(error);
    }
    if (ready.length > 0) {
      const batch = ready.splice(0, ready.length);
      for (const record of batch) yield record;
    }
  } finally {
    stream.destroy();
  }
}

/** Attribute value or undefined when absent or blank (the EU writes `""` for "not given"). */
export function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Collects the text of one element at a time. saxes slices every run of text, indentation
 * included, into a new string as soon as a text handler is registered. By default the handler is
 * registered only between the open and close tag of an element whose text we keep: best for lists
 * that are mostly indentation and attributes (EU). With `stable`, one handler stays registered for
 * the whole document and appends only between `start` and `stop`: on dense lists such as the UN's,
 * where most elements are captured, switching the handler per element (a keyed store in saxes'
 * `on`/`off`) costs more than the indentation slices it avoids.
 */
export class TextCapture {
  private text = '';
  private active = false;
  private readonly append = (chunk: string): void => {
    if (this.active) this.text += chunk;
  };

  constructor(
    private readonly parser: PlainSaxesParser,
    private readonly stable = false,
  ) {
    // CDATA is rare and costs nothing while absent, so its handler stays registered.
    parser.on('cdata', this.append);
    // Registered (and, unless stable, unregistered) at once, so that every parser gets the same
    // handler properties in the same order: one object shape for the tokeniser's optimised code
    // whichever list runs, rather than one per list and a change of shape mid-document.
    parser.on('text', this.append);
    if (!stable) parser.off('text');
  }

  start(): void {
    this.text = '';
    if (!this.active) {
      this.active = true;
      if (!this.stable) this.parser.on('text', this.append);
    }
  }

  /** Stops collecting and returns the trimmed text ('' when the element had none). */
  stop(): string {
    if (this.active) {
      this.active = false;
      if (!this.stable) this.parser.off('text');
    }
    return this.text.trim();
  }

  get capturing(): boolean {
    return this.active;
  }
}

/**
 * A fixed table from tag names to values, for handlers that classify every element. Tag names are
 * fresh strings from the tokeniser: a Map hashes each one and a `switch` compares it with every
 * case in turn, while grouping the names by length leaves one or two comparisons per lookup. The
 * first entry for a name wins.
 */
export class TagMap<T> {
  /** By name length: names and their values, alternating. */
  private readonly byLength: (string | T)[][] = [];

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [name, value] of entries) {
      while (this.byLength.length <= name.length) this.byLength.push([]);
      this.byLength[name.length]?.push(name, value);
    }
  }

  get(name: string): T | undefined {
    const candidates = this.byLength[name.length];
    if (candidates === undefined) return undefined;
    // Comparing the first characters first skips most string comparisons (a call each).
    const first = name.charCodeAt(0);
    for (let i = 0; i < candidates.length; i += 2) {
      const candidate = candidates[i] as string;
      if (candidate.charCodeAt(0) === first && candidate === name) return candidates[i + 1] as T;
    }
    return undefined;
  }
}
