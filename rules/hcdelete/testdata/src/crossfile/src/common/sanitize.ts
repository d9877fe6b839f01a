export function stripSecrets(user: { password?: string; token?: string }) {
  delete user.password; // want "warning: `delete user\\.password` turns `user` into a slow dictionary-mode object on the request path; assign user\\.password = undefined, or build a new object without the key \\(const \\{ password, \\.\\.\\.rest \\} = user\\)"
  return user;
}

export function normalizeConfig(cfg: { legacy?: boolean; port: number }) {
  delete cfg.legacy; // want "note: `delete cfg\\.legacy` turns `cfg` into a slow dictionary-mode object in `normalizeConfig` \\(startup code\\); assign cfg\\.legacy = undefined, or build a new object without the key \\(const \\{ legacy, \\.\\.\\.rest \\} = cfg\\)"
  return cfg;
}
