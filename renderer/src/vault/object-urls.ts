/**
 * Every object URL the vault hands out, so locking can revoke them all. Runs on the renderer's
 * main thread.
 *
 * An object URL keeps its Blob alive (and readable by anything holding the URL) until it is
 * revoked or the document goes away; a decrypted preview must not outlive the unlocked session.
 */

/** Revokes a URL; injectable so tests can observe revocations. */
export type RevokeUrl = (url: string) => void;

/** A set of live object URLs. */
export class ObjectUrlRegistry {
  private readonly urls = new Set<string>();

  constructor(private readonly revoke: RevokeUrl = (url) => URL.revokeObjectURL(url)) {}

  /** Number of URLs still live. */
  get size(): number {
    return this.urls.size;
  }

  /** Remembers `url` until it is released or everything is revoked; returns it. */
  track(url: string): string {
    this.urls.add(url);
    return url;
  }

  /** Revokes one URL early (e.g. a preview closed). */
  release(url: string): void {
    if (this.urls.delete(url)) this.revoke(url);
  }

  /** Revokes every tracked URL (at lock and panic wipe). */
  revokeAll(): void {
    for (const url of this.urls) this.revoke(url);
    this.urls.clear();
  }
}
