export const MAIL_QUEUE = 'mail';
export const REPORTS_QUEUE = 'reports';
