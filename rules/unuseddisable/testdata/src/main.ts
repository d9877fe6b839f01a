// The findings of nestlint/unused-disable are made by the suppression filter;
// see report/suppress_test.go and cmd/nestlint/adopt_test.go.
// nestlint-disable-next-line event-loop/sync-io
const n = 1;
