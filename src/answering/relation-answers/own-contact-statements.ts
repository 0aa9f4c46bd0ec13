/**
 * An item's own statements that give a phone number or an e-mail address: used by the contacts answerers and by
 * partly known ("the documents name X but give no phone number" must not be said when X's own statement gives one).
 */
import type { RelationContext } from './context.js';

/** A phone number (eight digits, spaced in pairs or fours) or an e-mail address in a text. */
const PHONE = /(?<!\d)\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?!\d)/;
const EMAIL = /[\p{L}\d._-]+@[\p{L}\d-]+\.[a-z]{2,}/u;

/**
 * An item's own statements that give its phone number or e-mail address ("Sekretariatet er kontakt for spørgsmål om
 * pladsanvisning: sekretariatet@brinkeby.dk, telefon 5512 3480"), `only` one of the two when asked for it.
 */
export function ownContactStatements(rc: RelationContext, id: string, only?: 'phone' | 'email'): ReturnType<RelationContext['ctx']['index']['ownedBy']> {
  return rc.ctx.index.ownedBy(id).filter((f) => {
    const text = `${f.text.da} ${f.text.en}`;
    return only === 'phone' ? PHONE.test(text) : only === 'email' ? EMAIL.test(text) : PHONE.test(text) || EMAIL.test(text);
  });
}
