// transactionawait: a call on a transaction handle is not awaited
//
// Inside `dataSource.transaction(async (manager) => ...)`, Prisma's
// `$transaction(async (tx) => ...)`, MikroORM's `em.transactional(...)`, a
// Knex or Drizzle `transaction(...)`, or a TypeORM query runner between
// startTransaction() and commitTransaction(), every query must finish before
// the transaction ends. A query that is not awaited keeps running while the
// callback returns: the ORM commits and releases the connection, and the
// query then runs outside the transaction or fails with "query runner
// already released" / "Transaction already closed". The result is a partial
// commit (the order is saved, its lines are not) that no rollback can undo.
//
// nestlint finds the transaction by the resolved type of its receiver (an
// injected DataSource, EntityManager or Repository from typeorm, a class
// extending PrismaClient, a MikroORM EntityManager, a Knex or Drizzle
// database, also declared in another file), takes the handle the callback
// receives (and repositories derived from it with getRepository or
// withRepository; for Sequelize, calls given `{ transaction: t }`), and
// reports a call on it whose value is dropped: an
// expression statement, `void`, or a forEach callback, including an async
// callback handed to forEach. Errors everywhere but offline code; a warning
// when no entry point or startup code is known to reach the transaction.
//
// Not reported: awaited or returned calls, calls passed to an awaited
// Promise.all, values stored in a variable, the synchronous handle methods
// (TypeORM `manager.create`, `merge`, `getRepository`; MikroORM `persist`,
// `remove`, `assign`; Drizzle `tx.rollback()`), Prisma's array form
// `$transaction([...])`, and a local named like the handle that shadows it.
//
// Bad:
//
//	await this.dataSource.transaction(async (manager) => {
//	  const order = await manager.save(Order, dto);
//	  manager.save(OrderLine, lines.map((l) => ({ ...l, order }))); // runs after commit
//	});
//
// Good:
//
//	await this.dataSource.transaction(async (manager) => {
//	  const order = await manager.save(Order, dto);
//	  await manager.save(OrderLine, lines.map((l) => ({ ...l, order })));
//	});
package transactionawait
