/** Anything that stops a deadline being computed; the message is written for the person asking. */
export class DeadlineError extends Error {}

/**
 * The rule gives no date in this pack: either the pack (and `national`) does not have the rule
 * at all (`not-in-pack`), or what the pack says cannot be counted, such as "well in advance"
 * or an authorisation (`no-due-date`).
 */
export class NotApplicableError extends DeadlineError {
  override readonly name = 'NotApplicableError';

  constructor(
    message: string,
    readonly reason: 'not-in-pack' | 'no-due-date',
  ) {
    super(message);
  }
}

/** What a DeadlineInputError lacks, so an edge (CLI, form) can point at its own field. */
export type MissingInput = 'conferenceType' | 'time' | 'intervalWeeks';

/** The question cannot be answered from what was given: a missing conference type, time, interval, … */
export class DeadlineInputError extends DeadlineError {
  override readonly name = 'DeadlineInputError';
  readonly missing: MissingInput | undefined;

  constructor(message: string, options: { cause?: unknown; missing?: MissingInput } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.missing = options.missing;
  }
}
