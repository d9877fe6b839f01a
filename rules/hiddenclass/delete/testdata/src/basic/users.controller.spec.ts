describe('users', () => {
  it('strips', () => {
    const u: any = { password: 'x' };
    delete u.password;
  });
});
