export class CacheStore {
  accessor hits = 0;
  private accessor secret = '';
  @Observable() accessor value: string = '';
  static accessor instances = 0;
  protected static accessor shared?: CacheStore;
  override accessor name = 'cache';
  declare readonly kind: string;
  static [key: string]: unknown;
}
