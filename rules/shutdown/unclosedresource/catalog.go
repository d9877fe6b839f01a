package unclosedresource

// resource is a kind of long-lived resource and how it is closed.
type resource struct {
	what    string
	timer   bool     // closed by clearInterval/clearTimeout
	closers []string // its close methods, for the message and for per-request checks
	// client is set for network clients that stay open until closed: one
	// created per request and never closed leaks a connection per request.
	client bool
}

var (
	timerRes   = resource{what: "setInterval timer", timer: true, closers: []string{"clearInterval"}}
	timeoutRes = resource{what: "setTimeout timer", timer: true, closers: []string{"clearTimeout"}}
	redisRes   = resource{what: "Redis connection", closers: []string{"quit", "disconnect"}, client: true}
	redis5Res  = resource{what: "Redis connection", closers: []string{"quit", "disconnect", "close", "destroy"}, client: true}
	pgRes      = resource{what: "database pool", closers: []string{"end"}, client: true}
	mongoRes   = resource{what: "MongoDB connection", closers: []string{"close", "disconnect"}, client: true}
	prismaRes  = resource{what: "PrismaClient", closers: []string{"$disconnect"}, client: true}
	typeormRes = resource{what: "TypeORM DataSource", closers: []string{"destroy", "close"}, client: true}
	threadRes  = resource{what: "worker thread", closers: []string{"terminate"}}
	watchRes   = resource{what: "file watcher", closers: []string{"close"}}
	childRes   = resource{what: "child process", closers: []string{"kill"}}
	amqpRes    = resource{what: "AMQP connection", closers: []string{"close"}, client: true}
	kafkaRes   = resource{what: "Kafka producer/consumer", closers: []string{"disconnect"}, client: true}
	natsRes    = resource{what: "NATS connection", closers: []string{"drain", "close"}, client: true}
	mqttRes    = resource{what: "MQTT connection", closers: []string{"end"}, client: true}
	queueRes   = resource{what: "queue", closers: []string{"close"}, client: true}
	keyvRes    = resource{what: "Keyv store", closers: []string{"disconnect"}, client: true}
	storeRes   = resource{what: "cache-manager Redis store", closers: []string{"quit", "disconnect", "close"}, client: true}
	pubsubRes  = resource{what: "RedisPubSub", closers: []string{"close"}, client: true}
	searchRes  = resource{what: "search client", closers: []string{"close"}, client: true}
	ldapRes    = resource{what: "LDAP client", closers: []string{"unbind", "destroy"}, client: true}
	posthogRes = resource{what: "PostHog client", closers: []string{"shutdown", "shutdownAsync"}, client: true}
	segmentRes = resource{what: "Segment Analytics client", closers: []string{"closeAndFlush", "flush"}, client: true}
	ldRes      = resource{what: "LaunchDarkly client", closers: []string{"close"}, client: true}
)

// clientKind is one entry of the catalog: the external modules a callee
// is imported from, the member paths that open a resource (the imported
// name, or for default and namespace imports the path after the binding:
// "default", "Pool", "createClient", "MongoClient.connect"), and whether it
// is constructed with new.
type clientKind struct {
	modules  []string
	members  []string
	newOnly  bool // only `new X()`
	callOnly bool // only `x()` (a factory)
	res      resource
}

// catalog lists the client constructors and factories nestlint knows, and
// how each is closed. It is data: add a library here.
var catalog = []clientKind{
	{modules: []string{"ioredis"}, members: []string{"default", "Redis", "Cluster", "Redis.Cluster", "default.Cluster"}, newOnly: true, res: redisRes},
	{modules: []string{"redis", "@redis/client"}, members: []string{"createClient", "createCluster", "createSentinel"}, callOnly: true, res: redis5Res},
	{modules: []string{"pg"}, members: []string{"Pool", "Client", "default.Pool", "default.Client"}, newOnly: true, res: pgRes},
	{modules: []string{"mysql2", "mysql2/promise", "mysql"}, members: []string{"createPool", "createConnection", "createPoolCluster"}, callOnly: true, res: pgRes},
	{modules: []string{"mysql2", "mysql2/promise"}, members: []string{"Pool"}, newOnly: true, res: pgRes},
	{modules: []string{"mongoose"}, members: []string{"connect", "createConnection", "default.connect", "default.createConnection"}, callOnly: true, res: mongoRes},
	{modules: []string{"mongodb"}, members: []string{"MongoClient"}, newOnly: true, res: mongoRes},
	{modules: []string{"mongodb"}, members: []string{"MongoClient.connect"}, callOnly: true, res: mongoRes},
	{modules: []string{"@prisma/client"}, members: []string{"PrismaClient"}, newOnly: true, res: prismaRes},
	{modules: []string{"typeorm"}, members: []string{"DataSource", "Connection"}, newOnly: true, res: typeormRes},
	{modules: []string{"typeorm"}, members: []string{"createConnection"}, callOnly: true, res: typeormRes},
	{modules: []string{"worker_threads"}, members: []string{"Worker"}, newOnly: true, res: threadRes},
	{modules: []string{"fs", "chokidar"}, members: []string{"watch", "default.watch"}, callOnly: true, res: watchRes},
	{modules: []string{"child_process"}, members: []string{"spawn", "fork", "exec", "execFile"}, callOnly: true, res: childRes},
	{modules: []string{"amqplib", "amqplib/callback_api", "amqp-connection-manager"}, members: []string{"connect", "default.connect"}, callOnly: true, res: amqpRes},
	{modules: []string{"nats"}, members: []string{"connect"}, callOnly: true, res: natsRes},
	{modules: []string{"mqtt"}, members: []string{"connect", "connectAsync", "default.connect"}, callOnly: true, res: mqttRes},
	{modules: []string{"bullmq", "bull", "bee-queue"}, members: []string{"Queue", "Worker", "QueueEvents", "FlowProducer", "default"}, newOnly: true, res: queueRes},
	{modules: []string{"keyv", "@keyv/redis"}, members: []string{"default", "Keyv", "KeyvRedis"}, newOnly: true, res: keyvRes},
	{modules: []string{"@keyv/redis"}, members: []string{"createKeyv"}, callOnly: true, res: keyvRes},
	{modules: []string{"cache-manager-redis-store", "cache-manager-ioredis-yet", "cache-manager-redis-yet", "cache-manager-ioredis"}, members: []string{"redisStore", "default", "redisInsStore"}, callOnly: true, res: storeRes},
	{modules: []string{"graphql-redis-subscriptions"}, members: []string{"RedisPubSub"}, newOnly: true, res: pubsubRes},
	{modules: []string{"@elastic/elasticsearch", "@opensearch-project/opensearch"}, members: []string{"Client"}, newOnly: true, res: searchRes},
	{modules: []string{"ldapjs"}, members: []string{"createClient", "default.createClient"}, callOnly: true, res: ldapRes},
	{modules: []string{"ldapts"}, members: []string{"Client"}, newOnly: true, res: ldapRes},
	{modules: []string{"posthog-node"}, members: []string{"PostHog", "default"}, newOnly: true, res: posthogRes},
	{modules: []string{"@segment/analytics-node"}, members: []string{"Analytics"}, newOnly: true, res: segmentRes},
	{modules: []string{"@launchdarkly/node-server-sdk", "launchdarkly-node-server-sdk"}, members: []string{"init", "default.init"}, callOnly: true, res: ldRes},
}

// catalogIndex maps module -> member -> entries, built once.
var catalogIndex = func() map[string]map[string][]int {
	idx := map[string]map[string][]int{}
	for i, k := range catalog {
		for _, mod := range k.modules {
			if idx[mod] == nil {
				idx[mod] = map[string][]int{}
			}
			for _, mem := range k.members {
				idx[mod][mem] = append(idx[mod][mem], i)
			}
		}
	}
	return idx
}()

// closeMethods are the calls that count as closing something in a
// shutdown hook: every close method of the catalog and a few generic ones.
var closeMethods = func() map[string]bool {
	m := map[string]bool{"removeAllListeners": true, "stop": true, "dispose": true}
	for _, k := range catalog {
		for _, c := range k.res.closers {
			m[c] = true
		}
	}
	for _, r := range []resource{threadRes, watchRes, childRes, kafkaRes} {
		for _, c := range r.closers {
			m[c] = true
		}
	}
	return m
}()

// classify returns the resource a call opens, if any: module is the
// external module its callee resolves to ("" for a global), member the
// name within it.
func classify(module, member string, isNew bool) (resource, bool) {
	for _, i := range catalogIndex[module][member] {
		k := &catalog[i]
		if isNew && k.callOnly || !isNew && k.newOnly {
			continue
		}
		return k.res, true
	}
	return resource{}, false
}
