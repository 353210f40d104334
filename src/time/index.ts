export { findTimes } from './find.js';
export type { FindTimesOptions } from './find.js';
export { eventDate } from '../core/event-date.js';
export type { EventDate } from '../core/event-date.js';
export { timeStage } from './stage.js';
