// latefield: class field first assigned after construction
//
// With TypeScript's legacy field semantics (useDefineForClassFields false,
// the default for every target below ES2022) a field declared without an
// initializer, such as `private client: Redis;`, is erased from the emitted
// class. The property only comes into existence when some method first
// assigns it: in onModuleInit, another lifecycle hook, a setter, a lazy
// `this.client ??= ...` or an ordinary method. Every such late assignment
// moves the instance to a new hidden class, so objects of one class end up
// with different shapes and the code that reads them stops being
// monomorphic. nestlint reads the tsconfig.json that governs the file
// (following extends) and nest-cli.json: with useDefineForClassFields
// true, target ES2022 or ESNext, or the SWC builder, the field already
// exists after construction and nothing is reported; nor when no file of the
// extends chain sets the target and a base cannot be read (a
// @tsconfig/node20 base without node_modules). Fields assigned in the
// constructor (or in a method the constructor calls), constructor parameter
// properties, fields with an initializer, `declare`, abstract, static and
// decorated fields (filled by a framework: property injection, ORM
// columns) are never reported.
//
// Work the constructor starts but does not finish counts as after
// construction: an assignment inside a .then/.catch/.finally callback, a
// .subscribe or .on/.once listener or a setTimeout/setImmediate/nextTick
// callback (`client.connect().then((c) => (this.channel = c))`), and one
// after the first await of an async method or async arrow the constructor
// calls (`void this.connect()`). Assignments before that first await, in a
// synchronous callback (forEach, map) or in a Promise executor run during
// construction and are not reported.
//
// Bad:
//
//	@Injectable()
//	export class RedisService implements OnModuleInit {
//	  private client: Redis; // erased under target ES2021
//	  async onModuleInit() {
//	    this.client = new Redis(this.url); // the instance changes shape here
//	  }
//	}
//
// Good:
//
//	@Injectable()
//	export class RedisService implements OnModuleInit {
//	  private client: Redis | undefined = undefined; // exists from construction
//	  async onModuleInit() {
//	    this.client = new Redis(this.url);
//	  }
//	}
//
// Setting "useDefineForClassFields": true in tsconfig.json (or a target of
// ES2022 or later) also fixes every instance at once; check that nothing
// relies on the legacy semantics first (fields redeclared over a base
// class's accessors).
package latefield
