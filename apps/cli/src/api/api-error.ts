import { CliError } from '../console/console-target';

/** Code of the line printed when the console could not be reached at all (no HTTP answer). */
export const CONSOLE_UNREACHABLE = 'console_unreachable';

/**
 * The console refused a request (or could not be reached): printed as the one line
 * `error <code>: <message> [details]` on stderr, exit code 1.
 */
export class ApiError extends CliError {
  constructor(
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    readonly details?: Record<string, unknown>,
    hint?: string,
  ) {
    super(errorLine(code, serverMessage, details, hint));
  }
}

/** `error role_not_found: role 'x' does not exist [role=x]`: details as `key=value`, nested values as compact JSON. */
export function errorLine(code: string, message: string, details?: Record<string, unknown>, hint?: string): string {
  const facts = Object.entries(details ?? {})
    // The message already lists the validation issues; `details.field` names the first.
    .filter(([k, v]) => k !== 'issues' && v !== undefined)
    .map(([k, v]) => `${k}=${compact(v)}`);
  const text = oneLine(message) + (hint ? ` (${hint})` : '');
  return `error ${code}: ${text}${facts.length ? ` [${facts.join(', ')}]` : ''}`;
}

function compact(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const flat = oneLine(text ?? String(value));
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
