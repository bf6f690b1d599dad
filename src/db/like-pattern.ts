/** A user's text as a LIKE pattern: its own % and _ match themselves, not "anything". */
export const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');
