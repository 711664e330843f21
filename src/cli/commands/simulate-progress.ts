/**
 * How far a simulation has got, for someone waiting at a terminal: a bar redrawn in place, with
 * the time taken and a rough time left (days so far are a fair guide, as a run's load grows
 * slowly). Piped to a file or a CI log, a plain line every `every` days instead, so the log is
 * not a screenful of carriage returns.
 */
export interface ProgressLine {
  /** Which run, when several are made (a comparison or a sweep): empty for the main run. */
  label: string;
  day: number;
  of: number;
  elapsedMs: number;
}

const WIDTH = 30;

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export function progressBar({ label, day, of, elapsedMs }: ProgressLine): string {
  const share = of === 0 ? 1 : Math.min(1, day / of);
  const filled = Math.round(share * WIDTH);
  const left = day === 0 ? null : (elapsedMs / day) * (of - day);
  return `${label}[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] day ${day}/${of} ${Math.floor(share * 100)}% ${seconds(elapsedMs)}${left === null || day === of ? '' : `, about ${seconds(left)} left`}`;
}

export function progressPlain({ label, day, of, elapsedMs }: ProgressLine): string {
  return `${label}day ${day}/${of} (${seconds(elapsedMs)})`;
}

/** Whether a piped run writes this day: every `every` days and the last. */
export function plainLineDue(day: number, of: number, every: number): boolean {
  return day === of || day % every === 0;
}
