package checkertest

import (
	"strings"
	"testing"
)

func TestMessageProblems(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		path []string
		want []string // substrings of the problems, in order; none for a good message
	}{
		{"`fs.readFileSync` blocks the event loop on the request path; use `fs.promises.readFile`", []string{"A.b", "C.d"}, nil},
		{"regex ``a`b`` backtracks; the input `'a'.repeat(30)` hangs it", nil, nil},
		{"`NestFactory.create` in Node.js, e.g. with TypeScript", nil, nil},
		{"fetch has no timeout on the request path (reached from `A.b`)", []string{"A.b"}, []string{"entry point A.b", "reached from"}},
		{strings.Repeat("x", 161), nil, []string{"161 characters"}},
		{"`StatsController.hitsByIp` grows", []string{"StatsController.hit"}, nil},
		{"`OrdersService.create` grows", []string{"Orders.create"}, nil},
		{strings.Repeat("é", 160), nil, nil},
		{"object row is created in ReportsService.toRow", nil, []string{"ReportsService.toRow"}},
		{"call close() on it", nil, []string{"close("}},
		{"set kill_timeout in onModuleInit of AuditService, see @Cron", nil, []string{"kill_timeout, onModuleInit, AuditService, @Cron"}},
		{"an unclosed ` fence leaks this.cache", nil, []string{"this.cache"}},
	} {
		got := MessageProblems(tc.msg, tc.path)
		if len(got) != len(tc.want) {
			t.Errorf("MessageProblems(%q) = %q, want %d problems %q", tc.msg, got, len(tc.want), tc.want)
			continue
		}
		for i, w := range tc.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("MessageProblems(%q)[%d] = %q, want it to mention %q", tc.msg, i, got[i], w)
			}
		}
	}
}
