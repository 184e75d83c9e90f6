import Table from 'cli-table3';
import YAML from 'yaml';

export const OUTPUT_FORMATS = ['table', 'json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One column of a list, or one row of a single object's table. */
export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
}

/** `table` for people: plain aligned columns without borders, as kubectl prints them (easy to grep and cut). */
export function renderTable(headers: string[], rows: unknown[][]): string {
  const table = new Table({
    head: headers,
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) table.push(row.map(cell));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** A list as a table, one column per `columns` entry; `(none)` when it is empty. */
export function renderList<T>(rows: T[], columns: Column<T>[]): string {
  if (rows.length === 0) return '(none)';
  return renderTable(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}

/** One object as `FIELD  value` lines. */
export function renderItem<T>(item: T, fields: Column<T>[]): string {
  const rows = fields.map((f) => [f.header, cell(f.value(item))] as const).filter(([, v]) => v !== '');
  const width = Math.max(...rows.map(([h]) => h.length));
  return rows.map(([h, v]) => `${h.padEnd(width)}  ${v}`).join('\n');
}

/** json: the API's JSON as it came (indented); yaml: the same data as YAML. */
export function renderData(value: unknown, format: Exclude<OutputFormat, 'table'>): string {
  if (format === 'json') return JSON.stringify(value, null, 2);
  return YAML.stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A cell as one line: lists joined with `, `, objects as compact JSON, nothing for absent values. */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** logfmt: `key=value key="with space"`, for records printed as they come (logs --follow). */
export function logfmt(pairs: [string, unknown][]): string {
  return pairs
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => {
      const text = cell(v);
      return `${k}=${/^[^\s"=\\]+$/.test(text) ? text : JSON.stringify(text)}`;
    })
    .join(' ');
}

/** Whole days from now until an ISO time (negative once it passed), as the inventory counts them. */
export function daysLeft(iso: string | undefined, now = Date.now()): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : Math.floor((t - now) / 86_400_000);
}
