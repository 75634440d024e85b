/** Language identification with franc-min, mapped to ISO 639-1. Runs before a pack is chosen. */
import { franc } from 'franc-min';

const ISO3_TO_1: Record<string, string> = {
  fra: 'fr', eng: 'en', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', cmn: 'zh', arb: 'ar',
  jpn: 'ja', kor: 'ko', pol: 'pl', tur: 'tr', ukr: 'uk', swe: 'sv', ces: 'cs', ron: 'ro', hun: 'hu', ell: 'el',
};

/** Characters sampled for detection: enough for a stable answer (franc is reliable well below this), bounded so that
 * detection stays a small part of extraction. */
const SAMPLE = 1500;

/** Returns an ISO 639-1 code, or null when the text is too short or unlike any known language. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const code = franc(sample, { minLength: 10 });
  if (code === 'und') return null;
  return ISO3_TO_1[code] ?? code;
}
