export * from './errors';
export * from './roles';
export * from './thread-status';
export * from './validation';
export * from './voting';
export * from './acceptance';
export * from './post-permissions';
export * from './business-hours';
