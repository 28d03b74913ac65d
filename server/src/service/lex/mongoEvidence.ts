/**
 * Whether a source file shows that it works with MongoDB: the limits of driver calls (limits/codeLimits.ts)
 * ask it before they read the file. Calls named `find`, `sort`, `aggregate`, `insertOne` or
 * `createIndex` are everywhere in code that has nothing to do with MongoDB (arrays, the clients of other
 * databases and search engines, form libraries), and a MongoDB limit reported on one of them would be
 * false. (Admin commands, server parameters and deployments configured in code are found by names that
 * only MongoDB uses: `dropConnections`, `setParameter`, `replSetInitiate`, `rs.initiate(`.) A file shows
 * it when
 *
 * - it is a MongoDB playground (language `mongodb`);
 * - its text says "mongo" in any letter case: an import of `mongodb`, `mongoose` or `pymongo`, a
 *   `MongoClient`, a connection string, a `MONGO_URL` read from the environment, a comment; or it names
 *   Motor, the asynchronous Python driver, whose names do not say it (`from motor.motor_asyncio import
 *   AsyncIOMotorClient`);
 * - it uses one of mongosh's globals as a script does: `db.`, `rs.` or `sh.` at the start of the text,
 *   after an ASCII blank or after an operator or opening bracket (`db.orders.find(…)`,
 *   `await rs.initiate(…)`, `(sh.status())`); not after an identifier character or `.` (`users.`,
 *   `this.db.`), nor in a host name (`//db.example.com`, `"db.internal"`, `@db.prod`, `mongo-db.`);
 * - its project uses MongoDB: the nearest package.json depends on the Node.js driver or Mongoose
 *   (Settings.nodeProject), or, for a Python file, the nearest Python manifest names a driver or mapper
 *   (Settings.pythonProject); the editor and the CLI read them. A service file that only imports its
 *   models, or a repository module that gets its collection passed in, is then checked.
 *
 * The text is searched as it is: everything looked for is ASCII, so a file's bytes read as latin1 give
 * the same answer as its text (the CLI's prefilter asks it so), and no non-ASCII character matches
 * "mongo" in any letter case.
 */

/** "mongo" in any letter case, or the module and client classes of Motor. */
const MONGO = /mongo|motor_(?:asyncio|tornado)|AsyncIOMotor|MotorClient/i;

/**
 * mongosh's globals `db`, `rs` and `sh`, each followed by the `.` of a member, at the start of the text or
 * after an ASCII blank, an operator or an opening bracket: where a script uses them. (Blanks beyond ASCII
 * are left out, so that the bytes of a UTF-8 file read as latin1 answer as its text.) One regular
 * expression: as fast as a search for each of the three and a look at what precedes it.
 */
const SHELL_GLOBALS = /(?<![^ \t\n\r\f\v([{,;=!&|?:+*<>~^%])(?:db|rs|sh)\./;

/** Whether the text uses one of mongosh's globals as a script does (`db.orders.find(…)`, `rs.status()`). */
export function usesShellGlobals(text: string): boolean {
  return SHELL_GLOBALS.test(text);
}

/**
 * Whether a source file in `languageId` shows that it works with MongoDB (see above). `driverProject`,
 * whether its project uses MongoDB, is asked last (finding a project may read files).
 */
export function worksWithMongoDB(text: string, languageId: string, driverProject: boolean | (() => boolean)): boolean {
  if (languageId === 'mongodb' || MONGO.test(text) || usesShellGlobals(text)) return true;
  return typeof driverProject === 'function' ? driverProject() : driverProject;
}
