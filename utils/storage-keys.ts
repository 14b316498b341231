// Storage keys in one place: the relay state lives in session storage (memory only), settings in local storage.
export const STATE_KEY = 'relay';
export const SETTINGS_KEY = 'settings';
/** The adapter id of the IdP the last hand-off went to (local storage: an id, nothing about the token). */
export const LAST_IDP_KEY = 'lastIdp';
