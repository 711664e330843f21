export { ruleInPack } from './rule-table.js';
export { computeDeadline } from './compute.js';
export { DUE_SOON_WORKING_DAYS, deadlineState, type DeadlineState, type DeadlineStateName } from './state.js';
export { needsOutOfTimescaleAuthorisation } from './authorisation.js';
export { DeadlineError, DeadlineInputError, NotApplicableError, type MissingInput } from './errors.js';
export { formatDate, formatDateTime, formatDayList } from './format-date.js';
export { RULE_FACTS, type RuleFact } from './rule-facts.js';
export { CONFERENCE_TYPES, type ConferenceType, type Deadline, type DeadlineInput, type DeadlineStep, type Due } from './types.js';
