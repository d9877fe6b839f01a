package unclosedresource

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		module, member string
		isNew          bool
		want           string // resource, "" for none
	}{
		{"ioredis", "default", true, "Redis connection"},
		{"ioredis", "default", false, ""}, // Redis() without new is not a client
		{"redis", "createClient", false, "Redis connection"},
		{"pg", "Pool", true, "database pool"},
		{"mysql2/promise", "createPool", false, "database pool"},
		{"mongodb", "MongoClient", true, "MongoDB connection"},
		{"mongodb", "MongoClient.connect", false, "MongoDB connection"},
		{"@prisma/client", "PrismaClient", true, "PrismaClient"},
		{"typeorm", "DataSource", true, "TypeORM DataSource"},
		{"bullmq", "FlowProducer", true, "queue"},
		{"amqp-connection-manager", "connect", false, "AMQP connection"},
		{"keyv", "default", true, "Keyv store"},
		{"cache-manager-redis-yet", "redisStore", false, "cache-manager Redis store"},
		{"graphql-redis-subscriptions", "RedisPubSub", true, "RedisPubSub"},
		{"@opensearch-project/opensearch", "Client", true, "search client"},
		{"ldapjs", "createClient", false, "LDAP client"},
		{"ldapts", "Client", true, "LDAP client"},
		{"posthog-node", "PostHog", true, "PostHog client"},
		{"@segment/analytics-node", "Analytics", true, "Segment Analytics client"},
		{"@launchdarkly/node-server-sdk", "init", false, "LaunchDarkly client"},
		{"lodash", "debounce", false, ""},
		{"pg", "types", false, ""},
	}
	for _, tc := range tests {
		got, ok := classify(tc.module, tc.member, tc.isNew)
		if tc.want == "" {
			if ok {
				t.Errorf("classify(%s, %s, new=%v) = %q, want none", tc.module, tc.member, tc.isNew, got.what)
			}
			continue
		}
		if !ok || got.what != tc.want {
			t.Errorf("classify(%s, %s, new=%v) = %q, %v; want %q", tc.module, tc.member, tc.isNew, got.what, ok, tc.want)
		}
	}
}

// Every catalog entry names its modules, members and close methods, and
// every close method counts as closing in a shutdown hook.
func TestCatalogComplete(t *testing.T) {
	for i, k := range catalog {
		if len(k.modules) == 0 || len(k.members) == 0 || len(k.res.closers) == 0 || k.res.what == "" {
			t.Errorf("catalog entry %d is incomplete: %+v", i, k)
		}
		if k.newOnly && k.callOnly {
			t.Errorf("catalog entry %d is both new-only and call-only", i)
		}
		for _, c := range k.res.closers {
			if !closeMethods[c] || !closeish(c) {
				t.Errorf("close method %s of %s is not a close method", c, k.res.what)
			}
		}
	}
	for _, name := range []string{"connect", "get", "set", "publish", "query"} {
		if closeish(name) {
			t.Errorf("closeish(%q) = true", name)
		}
	}
}
