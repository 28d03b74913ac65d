/** The scanner of jsonc-parser on its own: a module without dependencies, so it bundles the same everywhere. */
declare module 'jsonc-parser/lib/umd/impl/scanner' {
  export { createScanner } from 'jsonc-parser';
}
