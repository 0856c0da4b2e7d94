/**
 * The domain layer: zod schemas, inferred types, controlled vocabularies and the pure rules
 * over them (partial dates, consent). Runs anywhere (shared/): no DOM, Node or storage here.
 * Forms, IPC payloads and bundle imports all parse with these same schemas.
 */
export * from './allegation';
export * from './consent';
export * from './contact';
export * from './consent-export';
export * from './consent-state';
export * from './detention-episode';
export * from './facility';
export * from './ids';
export * from './interview-session';
export * from './limits';
export * from './partial-date';
export * from './perpetrator';
export * from './source-ref';
export * from './testimony';
export * from './text';
export * from './vocabularies';
export * from './witness';
