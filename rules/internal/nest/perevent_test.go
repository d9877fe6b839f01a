package nest

import "testing"

// TestPerEventPhrase: code reached from a scheduled job, a queue job or an
// event handler is not called "the request path" in messages; HTTP,
// GraphQL, RPC and gateway handlers are.
func TestPerEventPhrase(t *testing.T) {
	t.Parallel()
	for why, want := range map[string]string{
		"@Get()":                       "on the request path",
		"@Mutation()":                  "on the request path",
		"@MessagePattern()":            "on the request path",
		"gateway handleMessage":        "on the request path",
		"middleware":                   "on the request path",
		"@Cron()":                      "in a scheduled job",
		"@Interval()":                  "in a scheduled job",
		"@Process()":                   "in a queue job",
		"BullMQ worker process()":      "in a queue job",
		"KafkaJS consumer eachMessage": "in a queue job",
		"@OnEvent()":                   "in an event handler",
		"@EventPattern()":              "in an event handler",
		"":                             "on the request path",
	} {
		if got := PerEventPhrase(why); got != want {
			t.Errorf("PerEventPhrase(%q) = %q, want %q", why, got, want)
		}
	}
}
