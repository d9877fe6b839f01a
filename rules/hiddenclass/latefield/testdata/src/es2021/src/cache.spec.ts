class Fake {
  private v: number;
  set() { this.v = 1; }
}
