// hcdelete: delete on an object turns it into a slow dictionary
//
// V8 gives objects that are built the same way a shared hidden class, and
// property reads on them are fast because the optimizing compiler caches
// where each property lives. `delete obj.prop` (or `delete obj[key]`)
// removes a property in a way hidden classes cannot describe: V8 switches
// the object to dictionary mode, a hash table, and every later read and
// write on it is slower; code that sees both shapes becomes polymorphic.
// On the request path that cost is paid on every request, so the finding
// is a warning there (with the path from the entry point) and a note in
// startup, shutdown and unknown code. Offline code (tests, scripts,
// migrations) is not reported. Arrays (locals, parameters and fields
// initialized with [] or typed T[] or Array<T>), process.env and
// Map.prototype.delete calls are never reported. Neither are an element
// deleted by index (`delete nodes[i]` with a number-typed counter, the index
// parameter of a forEach/map/filter/reduce callback, a number literal or an
// expression on .length: elements live apart from named
// properties, whatever library type the array has) nor a key of an object
// declared as a dictionary (Record<string, T>, { [key: string]: T },
// Dictionary<T>, Object.create(null), and a request's headers, query,
// params and cookies): deleting keys is what it is for.
// An interface with named properties and an index signature is not a
// dictionary. A delete on a local spread copy (`const c = { ...entity };
// delete c.raw`) is reported by hidden-class/grown-object instead.
//
// Bad:
//
//	@Get(':id')
//	async findOne(@Param('id') id: string) {
//	  const user = await this.users.findById(id);
//	  delete user.password; // user becomes a dictionary-mode object
//	  return user;
//	}
//
// Good:
//
//	@Get(':id')
//	async findOne(@Param('id') id: string) {
//	  const { password, ...user } = await this.users.findById(id);
//	  return user; // or: user.password = undefined
//	}
//
// When keys are dynamic (`delete cache[key]`), keep the data in a Map and
// call map.delete(key).
package delete
