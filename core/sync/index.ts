export * from './tables';
export * from './protocol';
export * from './merge';
