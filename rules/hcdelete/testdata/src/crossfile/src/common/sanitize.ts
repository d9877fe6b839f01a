export function stripSecrets(user: { password?: string; token?: string }) {
  delete user.password; // want "warning: delete user.password .* request path \\(reached from UsersController.me\\).*\\(via UsersController.me -> stripSecrets\\)"
  return user;
}

export function normalizeConfig(cfg: { legacy?: boolean; port: number }) {
  delete cfg.legacy; // want "note: delete cfg.legacy turns cfg into a slow dictionary-mode object in startup code \\(normalizeConfig\\)"
  return cfg;
}
