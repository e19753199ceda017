export * from './common';
export * from './session';
export * from './catalog';
export * from './registry';
export * from './documents';
export * from './submissions';
export * from './system';
export * from './workstationApi';
