class TestDouble {
  constructor(x?: number) {
    if (x) this.x = x;
  }
}
