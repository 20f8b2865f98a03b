import { ApiError, NETWORK_ERROR } from '../api.js';
import type { Translate } from '../i18n/i18n.js';

/** The text for a failed request, in the user's language: the API's codes mapped to our texts. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'LOGIN_FAILED':
        return t('error.LOGIN_FAILED');
      case 'RATE_LIMITED':
        return error.detail ? `${t('error.RATE_LIMITED')} ${error.detail}` : t('error.RATE_LIMITED');
      case NETWORK_ERROR:
        return t('error.NETWORK');
    }
  }
  return t('error.generic');
}
