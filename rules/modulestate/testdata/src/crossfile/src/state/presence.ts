// online users, shared by the whole process
export const online = new Map<string, number>(); // want "warning: module-level Map online is mutated per request .set in PresenceGateway.join." "via PresenceGateway.join"

export const grows = new Map<string, number>();
