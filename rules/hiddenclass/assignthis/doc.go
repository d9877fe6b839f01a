// assignthis: Object.assign(this, input) gives instances input-shaped classes
//
// `Object.assign(this, input)` copies whatever keys the input object happens
// to have onto the instance, in the input's order. Two instances of the same
// entity or DTO built from payloads with different keys, or the same keys in
// a different order, get different hidden classes, and an extra key in a
// request body silently becomes a property of the instance. Code that reads
// these objects then sees many shapes and V8's inline caches go polymorphic
// or megamorphic. On the request path (an entity or DTO constructed per
// request, a method called from a handler) the finding is a warning with
// the path from the entry point; elsewhere it is a note; offline code is
// not reported. Copying a fixed object literal (`Object.assign(this, { a: 1
// })`) is not reported.
//
// Bad:
//
//	export class UserEntity {
//	  id: string;
//	  email: string;
//	  constructor(input: Partial<UserEntity>) {
//	    Object.assign(this, input); // shape follows the payload
//	  }
//	}
//
// Good:
//
//	export class UserEntity {
//	  id: string;
//	  email: string;
//	  constructor(input: Pick<UserEntity, 'id' | 'email'>) {
//	    this.id = input.id;
//	    this.email = input.email;
//	  }
//	}
package assignthis
