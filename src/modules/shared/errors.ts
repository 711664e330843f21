/** Errors an action raises that the web and API layers turn into a person-readable answer. */
export interface FieldError {
  field: string;
  message: string;
}

/** Bad input: 400 with field messages, nothing written. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** Not allowed for this user: 403. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The record does not exist (or the user may not know it exists): 404. */
export class NotFoundError extends Error {
  constructor(message = 'We could not find that record.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The step is not possible from the record's current state, or the record changed meanwhile: 409. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A step the domain's rules refuse (they throw a plain Error with the reason), as a 409 with that reason. */
export function conflictIfRefused<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new ConflictError((error as Error).message);
  }
}
