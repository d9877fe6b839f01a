export const PAYMENTS = 'PAYMENTS';
