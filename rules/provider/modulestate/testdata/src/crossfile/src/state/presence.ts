// online users, shared by the whole process
export const online = new Map<string, number>(); // want "warning: module-level Map `online` changes per request \\(`set`\\): it leaks between requests and differs per worker; use a request-scoped provider" "via PresenceGateway.join"

export const grows = new Map<string, number>();
