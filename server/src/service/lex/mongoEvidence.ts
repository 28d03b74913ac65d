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
 * - it uses one of mongosh's globals as a script does: `db`, `rs` or `sh` at the start of the text,
 *   after an ASCII blank or after an operator or opening bracket, then a method of theirs
 *   (data/shellMethods.ts): a database method (`db.getSiblingDB(`, `db.listCollections(`), a collection and
 *   one of its methods (`db.orders.find(`, `db.orders` and `.insert_one` on the next line; by name too,
 *   `db.collection('orders').insertOne(`, as the database methods that Firestore's, ArangoDB's and
 *   LokiJS's `db` have too count only so: `db.collection('events').add(…)` is Firestore's), a helper of
 *   `rs` or `sh` (`await rs.initiate(…)`, `(sh.status())`). Not after an identifier character or `.`
 *   (`users.`, `this.db.`), nor in a host name (`//db.example.com`, `"db.internal"`, `@db.prod`,
 *   `mongo-db.`), nor a variable of that name used otherwise: a stream's state (`rs.length`,
 *   `rs.push(chunk)`), an IndexedDB database (`db.close()`, `db.objectStoreNames.contains(…)`), a
 *   minified bundle's `db.charCodeAt(…)`;
 * - its project uses MongoDB: the nearest package.json depends on the Node.js driver or Mongoose
 *   (Settings.nodeProject), or, for a Python file, the nearest Python manifest names a driver or mapper
 *   (Settings.pythonProject); the editor and the CLI read them. A service file that only imports its
 *   models, or a repository module that gets its collection passed in, is then checked.
 *
 * The text is searched as it is: everything looked for is ASCII, so a file's bytes read as latin1 give
 * the same answer as its text (the CLI's prefilter asks it so), and no non-ASCII character matches
 * "mongo" in any letter case.
 */

import { COLLECTION_METHODS, DATABASE_METHODS, REPLICA_SET_HELPERS, SHARDING_HELPERS, SHARED_DATABASE_METHODS } from '../data/shellMethods';

/** "mongo" in any letter case, or the module and client classes of Motor. */
const MONGO = /mongo|motor_(?:asyncio|tornado)|AsyncIOMotor|MotorClient/i;

/** ASCII blanks (`\s` holds others). */
const BLANKS = '[ \\t\\n\\r\\f\\v]*';

/** A collection's name after `db.`: an ASCII identifier, or a few joined by dots (`system.profile`, `fs.files`). */
const COLLECTION_NAME = '[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*){0,3}';

/** A collection's name written as a string literal, on one line (`'orders'`, `"fs.files"`, `` `logs` ``). */
const NAME_LITERAL = '(?:\'[^\'\\n]*\'|"[^"\\n]*"|`[^`\\n]*`)';

/** Any of the names, as a whole identifier. */
const names = (list: readonly string[]): string => `(?:${[...list].sort((a, b) => b.length - a.length).join('|')})(?![\\w$])`;

/**
 * mongosh's globals `db`, `rs` and `sh`, each followed by a method of theirs, at the start of the text or
 * after an ASCII blank, an operator or an opening bracket: where a script uses them. A collection is
 * COLLECTION_NAME, and ASCII blanks may come around the `.` of its method. (Blanks and letters beyond
 * ASCII are left out, so that the bytes of a UTF-8 file read as latin1 answer as its text.) One regular
 * expression: as fast as a search for each of the three and a look at what precedes it.
 */
const SHELL_GLOBALS = new RegExp(
  '(?<![^ \\t\\n\\r\\f\\v([{,;=!&|?:+*<>~^%])' +
    `(?:db\\.(?:${names(DATABASE_METHODS.filter((m) => !SHARED_DATABASE_METHODS.includes(m)))}` +
    `|${names(SHARED_DATABASE_METHODS)}${BLANKS}\\(${BLANKS}${NAME_LITERAL}${BLANKS}\\)${BLANKS}\\.${BLANKS}${names(COLLECTION_METHODS)}` +
    `|${COLLECTION_NAME}${BLANKS}\\.${BLANKS}${names(COLLECTION_METHODS)})` +
    `|rs\\.${names(REPLICA_SET_HELPERS)}|sh\\.${names(SHARDING_HELPERS)})`,
);

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
