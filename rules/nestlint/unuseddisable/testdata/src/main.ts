// The findings of nestlint/unused-disable are made by the suppression filter
// (unuseddisable_test.go runs it over this file).
// nestlint-disable-next-line event-loop/sync-io -- read once at boot, before listen
const config = loadConfig('config/app.json');
