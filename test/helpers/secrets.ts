/**
 * Connection strings that carry secrets, each with the secrets that must never be printed: passwords of
 * every shape (reserved characters, percent escapes, a password misread as a port), secret-bearing
 * authMechanismProperties, proxy and key-file passwords. Used by the core, LSP and CLI secret tests.
 */
export interface SecretCase {
  uri: string;
  secrets: string[];
}

export const SECRET_CASES: readonly SecretCase[] = [
  { uri: 'mongodb://app:Qx7vR2mLp9sT@db.example.com/shop', secrets: ['Qx7vR2mLp9sT'] },
  { uri: 'mongodb://u:SecretNoAt21x', secrets: ['SecretNoAt21x'] },
  { uri: 'mongodb://u:SecretNoAt21x/db?retryWrites=true', secrets: ['SecretNoAt21x'] },
  { uri: 'mongodb://u:SecretNoAt21x,h2:27017/db', secrets: ['SecretNoAt21x'] },
  { uri: 'mongodb://app:P^a{s}s w|rd"Zq@h/db', secrets: ['P^a{s}s w|rd"Zq', 'rd"Zq'] },
  { uri: 'mongodb://app:p@ss@w0rd!99@h/db', secrets: ['p@ss@w0rd!99', 'w0rd!99'] },
  { uri: 'mongodb://app:pa/ss9word@h/db', secrets: ['pa/ss9word', 'ss9word'] },
  { uri: 'mongodb://app:hunter%2522xY@h', secrets: ['hunter%2522xY', 'hunter%22xY'] },
  { uri: 'mongodb://app:hunter%zzSecret@h', secrets: ['hunter%zzSecret', 'zzSecret'] },
  { uri: 'mongodb+srv://app:Zk3%40pLm99@cluster0.ab12c.mongodb.net:27017/?authMechanism=SCRAM-SHA-257', secrets: ['Zk3%40pLm99', 'Zk3@pLm99'] },
  { uri: 'mongodb://app:Secr3t:Pass99@h:70000', secrets: ['Secr3t:Pass99', 'Secr3t%3APass99'] },
  { uri: 'mongodb://app:S3cr3t Pass77@[::1', secrets: ['S3cr3t Pass77', 'S3cr3t%20Pass77'] },
  { uri: 'mongodb://user:Pw0rd#Secret9@h/?w=1', secrets: ['Pw0rd#Secret9', 'Secret9'] },
  { uri: 'mongodb://user:Pw0rdSecret8@h1,,h2/?replicaSet=rs&directConnection=true', secrets: ['Pw0rdSecret8'] },
  {
    uri: 'mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:FQoGZXIvYXdzEJr1234TokenValue',
    secrets: ['FQoGZXIvYXdzEJr1234TokenValue'],
  },
  { uri: 'mongodb://h/?authMechanismProperties=AWS_SESSION_TOKEN:tok3nVal99,SERVICE_NAME:x,BOGUS', secrets: ['tok3nVal99'] },
  { uri: 'mongodb://h/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_NAME:x,CLIENT_SECRET:cl1entS3cret', secrets: ['cl1entS3cret'] },
  { uri: 'mongodb://h/?proxyHost=proxy.example.com&proxyUsername=pu&proxyPassword=Pr0xyS3cret99&proxyPort=99999', secrets: ['Pr0xyS3cret99'] },
  { uri: 'mongodb://h/?proxyPassword=Pr0xyS3cret98', secrets: ['Pr0xyS3cret98'] },
  { uri: 'mongodb://h/?tls=true&tlsCertificateKeyFile=/etc/k.pem&tlsCertificateKeyFilePassword=K3yF1leS3cret&ssl=false', secrets: ['K3yF1leS3cret'] },
  { uri: 'mongodb://app:Qx7vR2mLp9sU@db.example.com/?authMechanism=PLAIN&authSource=', secrets: ['Qx7vR2mLp9sU'] },
  { uri: 'mongodb://app:Qx7vR2mLp9sV@db.example.com/?authMechanism=MONGODB-X509', secrets: ['Qx7vR2mLp9sV'] },
];

/** The pieces of a secret that must not appear either: itself, and every run of 6 of its characters. */
export function secretPieces(secret: string): string[] {
  if (secret.length <= 6) return [secret];
  const out = new Set<string>();
  for (let i = 0; i + 6 <= secret.length; i++) out.add(secret.slice(i, i + 6));
  return [...out];
}

/** The secret pieces found in a text, as `piece (of secret)`. */
export function secretsIn(text: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const s of secrets) for (const piece of secretPieces(s)) if (text.includes(piece)) found.push(`${JSON.stringify(piece)} of ${JSON.stringify(s)}`);
  return found;
}
