// The owner's administration answers are the contract's, declared once in @raaye/protocol.
export type { ApiToken, InboxSettings, TokenScope, Weekday } from '@raaye/protocol';
