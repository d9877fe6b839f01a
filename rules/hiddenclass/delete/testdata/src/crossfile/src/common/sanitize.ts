export function stripSecrets(user: { password?: string; token?: string }) {
  delete user.password; // want "warning: `delete user\\.password` makes `user` a slow dictionary on the request path; assign `user\\.password = undefined` instead"
  return user;
}

export function normalizeConfig(cfg: { legacy?: boolean; port: number }) {
  delete cfg.legacy; // want "note: `delete cfg\\.legacy` makes `cfg` a slow dictionary in `normalizeConfig` \\(startup code\\); assign `cfg\\.legacy = undefined` instead"
  return cfg;
}
