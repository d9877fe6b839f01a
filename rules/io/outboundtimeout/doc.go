// outboundtimeout: outbound HTTP on the request path has no timeout
//
// axios, @nestjs/axios HttpService, fetch, got and undici wait forever (or
// for minutes) by default. When an upstream hangs (a stuck load balancer, a
// dropped SYN, a slow third-party API) every request that calls it waits
// too: sockets, memory and the client's patience pile up until the
// gateway times out, health checks fail and the pod is restarted, taking
// the healthy requests with it.
//
// nestlint reports an outbound HTTP call on the request path (error, with
// the path) or in code no entry point is known to reach (warning) when no
// timeout is set anywhere it would apply: on the call (`timeout`, or
// `signal: AbortSignal.timeout(ms)`, or undici's headersTimeout and
// bodyTimeout), on the axios instance (`axios.create({ timeout })` as a
// field initializer or in the constructor, `instance.defaults.timeout`),
// globally (`axios.defaults.timeout`), or on the HttpModule of the module
// that provides the calling class (`HttpModule.register({ timeout })`,
// `registerAsync` with a factory returning a timeout). Options objects are
// followed through constants and spreads, also imported from other files.
//
// Not reported: calls whose options come from something nestlint cannot
// see (a parameter, a function call, a config class), HttpService in a
// class whose module gets HttpModule from another module, startup, shutdown
// and offline code, and `timeout: 0` counts as no timeout.
//
// Bad:
//
//	@Injectable()
//	export class RatesClient {
//	  async usdTo(currency: string) {
//	    const res = await axios.get(`https://rates.example.com/usd/${currency}`);
//	    return res.data.rate;
//	  }
//	}
//
// Good:
//
//	@Injectable()
//	export class RatesClient {
//	  async usdTo(currency: string) {
//	    const res = await axios.get(`https://rates.example.com/usd/${currency}`, { timeout: 3_000 });
//	    return res.data.rate;
//	  }
//	}
package outboundtimeout
