// syncio: synchronous Node.js API blocks the event loop
//
// The event loop runs in phases (timers, pending callbacks, poll for I/O,
// check for setImmediate, close callbacks), and each phase runs its
// callbacks to completion on the one JavaScript thread: a callback that
// blocks keeps every later phase, and so every other request, waiting.
//
// Node.js serves every request of a NestJS app on one thread, the event
// loop. A synchronous call such as fs.readFileSync, crypto.pbkdf2Sync,
// zlib.gzipSync, child_process.execSync or bcrypt.hashSync holds that thread
// until it returns: while it runs, no other request, timer or I/O callback
// makes progress, so one slow call raises the latency of every user.
// nestlint resolves each callee through the file's imports (node: prefixes,
// aliases, namespace, default and require imports) and judges the call by
// the context of the function it runs in: on the request path (reached from
// a controller handler, resolver, gateway, guard, interceptor, pipe, filter,
// middleware, event listener, cron job or queue processor) it is an error,
// with the path from the entry point; in code nothing calls it is a warning;
// at startup, at shutdown and in offline code (tests, migrations, seeds,
// scripts) it is not reported. A method of your own that merely ends in
// Sync is never reported.
//
// Code that runs once while Nest builds the module graph is startup: a
// config builder evaluated as the argument of TypeOrmModule.forRoot(...) or
// of any other expression in @Module({ imports: [...] }) (also a method of
// a module-level `new AppConfig()` object), an object such as a strategy or
// a log transport constructed inside a module's or plugin's config, every
// useFactory (inline, or a named function imported from another file, in
// module metadata, in forRootAsync/registerAsync options or in a provider
// array kept in a variable), the create* methods of a useClass options
// factory, and the load and validate functions of ConfigModule.forRoot
// (also a default-exported `export default () => yaml.load(readFileSync(...))`). The factory of a request-scoped or transient provider is not
// startup. Callbacks passed to array methods or Promise.all run in the
// context of the function that passes them: `Promise.all(files.map(async
// (f) => existsSync(f)))` in a handler is on the request path, and so is a
// method passed as `this.load.bind(this)`, an arrow-function field, a
// function of a namespace import (`files.filter(fsUtils.isSymlink)`) or a
// method of an injected dependency.
//
// Bad:
//
//	@Get(':id/invoice')
//	invoice(@Param('id') id: string) {
//	  const tpl = readFileSync(`templates/${id}.hbs`, 'utf8'); // blocks every request
//	  return render(tpl);
//	}
//
// Good:
//
//	@Get(':id/invoice')
//	async invoice(@Param('id') id: string) {
//	  const tpl = await readFile(`templates/${id}.hbs`, 'utf8'); // from 'node:fs/promises'
//	  return render(tpl);
//	}
//
// Options: `allow` lists qualified names never to report (for example
// "fs.existsSync"); `reportStartup` also reports calls at startup, at
// shutdown and in offline code, as notes.
package syncio
