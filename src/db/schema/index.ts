export * from './accounts.js';
export * from './audit.js';
export * from './people.js';
export * from './calendar.js';
export * from './front-door.js';
export * from './conferences.js';
export * from './outbox.js';
export * from './invitations.js';
