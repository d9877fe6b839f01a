it('x', () => {
  const r: any = {};
  r.a = 1;
});
