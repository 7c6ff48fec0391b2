export * from './enums';
export * from './jurisdiction-policies';
export * from './requests';
export * from './request-tokens';
export * from './request-events';
export * from './outbound-emails';
export * from './intake-attempts';
