// Dedup's text keys come from src/text (the matcher's normalization and tokenizer: one normalization
// for the whole product). This file keeps the one check dedup adds on top: is a token Arabic script.
const AR_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9]/u;

export const isArabicToken = (t: string): boolean => AR_LETTER.test(t);
