/**
 * A streaming CSV reader (RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks). Each record comes with the line it started on, so bad rows can be reported by line.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export async function* readCsv(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // a quote inside quotes: either the end or the first of a doubled pair
  let line = 1;
  let recordLine = 1;
  let pendingCr = false;
  let any = false;
  const endRecord = (): CsvRecord => {
    fields.push(field);
    const record = { line: recordLine, fields };
    field = '';
    fields = [];
    any = false;
    return record;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue;
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          inQuotes = false;
          // fall through: c is read as outside quotes
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
          if (c === '\n') line++;
          field += c;
          continue;
        }
      }
      if (c === '"' && field === '') {
        inQuotes = true;
        any = true;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        any = true;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') pendingCr = true;
        if (any || field !== '' || fields.length) yield endRecord();
        line++;
        recordLine = line;
      } else {
        field += c;
        any = true;
      }
    }
  }
  if (any || field !== '' || fields.length) yield endRecord();
}
