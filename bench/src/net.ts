// One free-port finder for tests and benchmarks.
export { freePort } from '../../e2e/_util/collector';
