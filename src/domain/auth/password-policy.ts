import type { FieldError } from '../errors.ts';

/**
 * Length over composition rules (NIST SP 800-63B): at least 12 characters,
 * not the user name, not one character repeated.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export function checkPassword(password: string, username: string, path = 'newPassword'): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ path, messageKey: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH } }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ path, messageKey: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH } }];
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return [{ path, messageKey: 'password.containsUsername' }];
  }
  if (new Set(password).size < 4) {
    return [{ path, messageKey: 'password.tooSimple' }];
  }
  return [];
}
