// ormsynchronize: schema sync or drop is on in production
//
// TypeORM's `synchronize: true` makes every boot alter the database to
// match the entity classes: rename a property, delete an entity or deploy
// a branch with an older model and the column or table is dropped with its
// data, with no migration to review and no way back. `dropSchema: true`
// empties the database on every connection. Sequelize's
// `sync({ force: true })` drops and recreates every table, `alter: true`
// drops columns, and MikroORM's schema generator `updateSchema()` or
// `dropSchema()` at startup does the same. They are handy on a laptop and
// a data loss incident in production.
//
// nestlint reports these settings when they are on in the production
// configuration. Values are resolved through constants imported from other
// files, ternaries and conditions on the environment (`process.env.NODE_ENV
// !== 'production'`, `config.get('NODE_ENV') === 'development'`, a constant
// such as `isProd` defined from NODE_ENV, or a flag named isDev, isTest or
// isLocal), and through the if and ?: arms around the configuration object
// or the call. TypeORM options are recognised in TypeOrmModule.forRoot and
// forRootAsync factories, registerAs config factories, `new DataSource`
// and exported option objects (an object with synchronize or dropSchema and
// a data source key such as type, entities or url).
//
// Not reported: values that are true only outside production, values read
// from the environment or ConfigService that nestlint cannot decide
// (`process.env.DB_SYNC === 'true'`), a configuration inside an if or ?:
// arm about the environment that cannot be decided, Sequelize's own
// `synchronize` (it only creates missing tables), and offline code: tests,
// migrations, seeds and scripts.
//
// Bad:
//
//	TypeOrmModule.forRoot({
//	  type: 'postgres',
//	  url: process.env.DATABASE_URL,
//	  autoLoadEntities: true,
//	  synchronize: true,
//	});
//
// Good:
//
//	TypeOrmModule.forRoot({
//	  type: 'postgres',
//	  url: process.env.DATABASE_URL,
//	  autoLoadEntities: true,
//	  synchronize: process.env.NODE_ENV === 'development',
//	  migrationsRun: true,
//	});
package ormsynchronize
