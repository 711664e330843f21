type Cell = string | number | null;

/** CSV as spreadsheets read it: every field quoted, and a leading =, +, - or @ defused so no cell runs as a formula. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (v: Cell) => {
    const text = v === null ? '' : String(v);
    const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
