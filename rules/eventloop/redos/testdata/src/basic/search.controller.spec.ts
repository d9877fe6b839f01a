describe('search', () => {
  it('rejects', () => {
    expect(/^(a|a?)+$/.test('aaaa!')).toBe(false);
  });
});
