/** The secret-box purpose of subscription signing secrets (a key derived for this use only). */
export const SUBSCRIPTION_SECRET_PURPOSE = 'event-subscription-secret';
