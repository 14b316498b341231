// Storage keys in one place: the relay state lives in session storage (memory only), settings in local storage.
export const STATE_KEY = 'relay';
export const SETTINGS_KEY = 'settings';
