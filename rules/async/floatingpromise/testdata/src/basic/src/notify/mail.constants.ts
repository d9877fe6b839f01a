export const MAIL_API = 'https://mail.internal/send';
