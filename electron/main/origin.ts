/**
 * `scheme://host[:port]` of a URL. Node's URL gives every non-special scheme (our `app:`) the opaque origin
 * "null", so `URL.origin` cannot tell `app://composer` from any other custom-scheme page; this can.
 */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}
