/** Text helpers the tables and the parser share. */

/** Lower-cases ASCII A–Z only, as the connection-string spec does for option keys. */
export function asciiLower(s: string): string {
  // toLowerCase is exact for ASCII-only text; elsewhere only A–Z may change (not İ, Ä, ...).
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return asciiLowerSlow(s);
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? s.toLowerCase() : s;
}

function asciiLowerSlow(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}


/** The last segment of a URI, decoded (as it is when it does not decode): a file's name for messages. */
export function uriFileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
