// The contract's unit for every size limit, defined once in @raaye/protocol.
export { jsonBytes } from '@raaye/protocol';
