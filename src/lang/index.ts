import type { LanguagePack } from './pack.js';
import { fr } from './fr/index.js';
import { en } from './en/index.js';

export const PACKS: Record<string, LanguagePack> = { fr, en };

export function packFor(lang: string | null): LanguagePack | null {
  return (lang && PACKS[lang]) || null;
}
