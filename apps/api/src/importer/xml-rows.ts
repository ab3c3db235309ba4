import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/** One `<row …/>` of a Stack Exchange dump file: its attributes and the line it starts on. */
export interface XmlRow {
  attributes: Record<string, string>;
  line: number;
}

/** A dump file that is not well-formed XML; names the file and the line, so it can be found and fixed. */
export class MalformedXmlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`${file}, line ${line}, column ${column}: malformed XML (${detail}). Nothing from this row on was imported; fix the file and run the import again to resume.`);
    this.name = 'MalformedXmlError';
  }
}

/**
 * Streams the `<row>` elements of a dump file in constant memory: the file is read in chunks and
 * only the rows of the chunk in hand are held. A row is yielded only once its tag is complete, so a
 * broken row is never seen half-read; the error comes instead, with file and line.
 */
export async function* xmlRows(file: string): AsyncGenerator<XmlRow> {
  const parser = new SaxesParser({ fileName: file });
  let pending: XmlRow[] = [];
  let failure: MalformedXmlError | null = null;
  let rowLine = 1;
  parser.on('opentagstart', () => {
    rowLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') pending.push({ attributes: tag.attributes as Record<string, string>, line: rowLine });
  });
  parser.on('error', (error) => {
    // saxes prefixes "file:line:column: "; keep just what went wrong.
    failure ??= new MalformedXmlError(file, parser.line, parser.column, error.message.replace(/^.*?:\d+:\d+: /, ''));
  });

  let first = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    let text = chunk as string;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // the dumps start with a byte-order mark
    first = false;
    parser.write(text);
    if (failure) throw failure;
    const rows = pending;
    pending = [];
    yield* rows;
  }
  parser.close();
  if (failure) throw failure;
  yield* pending;
}

/** The rows of a dump file in batches of `size` (the last one shorter); a malformed row stops it before its batch is yielded. */
export async function* xmlRowBatches(file: string, size: number): AsyncGenerator<XmlRow[]> {
  let batch: XmlRow[] = [];
  for await (const row of xmlRows(file)) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Counts the rows of a file without parsing it (one fast pass), for the progress bar's total. */
export async function countRows(file: string): Promise<number> {
  let count = 0;
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'latin1', highWaterMark: 1024 * 1024 })) {
    const text = carry + (chunk as string);
    let at = text.indexOf('<row');
    while (at !== -1) {
      count++;
      at = text.indexOf('<row', at + 4);
    }
    carry = text.slice(-3);
  }
  return count;
}
