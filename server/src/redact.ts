/**
 * Masks passwords in connection strings inside free text (log lines, error messages),
 * as a last line of defence: the core already masks them in its messages.
 *
 * `mongodb://user:secret@host` → `mongodb://user:****@host`; the password runs to the last `@`
 * of the authority, so an unescaped `@` inside it is masked too.
 */
const URI_WITH_PASSWORD = /(mongodb(?:\+srv)?:\/\/[^\s:@/?#"'`]*:)[^\s/?#"'`]*@/gi;

export function redactPasswords(text: string): string {
  return text.replace(URI_WITH_PASSWORD, '$1****@');
}

/** Describes a thrown value (with its stack when it has one), passwords masked. */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return redactPasswords(text);
}
