/**
 * French channel nouns (how words reached the article) and media outlets.
 * Source: written for selon (common news usage). Licence: MIT (this project).
 */
import type { ChannelNoun } from '../pack.js';

const doc = (name: string): ChannelNoun => ({ name, type: 'document' });
const platform = (name: string): ChannelNoun => ({ name, type: 'media' });

export const channels: Record<string, ChannelNoun> = {
  communiqué: doc('communiqué'), déclaration: doc('déclaration'), interview: doc('interview'), entretien: doc('entretien'),
  'conférence de presse': doc('conférence de presse'), conférence: doc('conférence'), discours: doc('discours'), lettre: doc('lettre'),
  transcription: doc('transcription'), 'compte rendu': doc('compte rendu'), lecture: doc('lecture'), rapport: doc('rapport'),
  message: doc('message'), tweet: doc('tweet'), blog: doc('blog'), vidéo: doc('vidéo'), 'blog vidéo': doc('blog vidéo'),
  tribune: doc('tribune'), courrier: doc('courrier'), note: doc('note'), mail: doc('mail'), courriel: doc('courriel'), post: doc('post'),
  publication: doc('publication'), émission: doc('émission'), journal: doc('journal'), colonnes: doc('colonnes'), réunion: doc('réunion'),
  twitter: platform('Twitter'), x: platform('X'), facebook: platform('Facebook'), instagram: platform('Instagram'), youtube: platform('YouTube'),
  telegram: platform('Telegram'), tiktok: platform('TikTok'), linkedin: platform('LinkedIn'), 'réseaux sociaux': platform('réseaux sociaux'),
};

export const media = [
  'AFP', 'Agence France-Presse', 'Reuters', 'AP', 'Associated Press', 'Xinhua', 'CCTV', 'BBC', 'CNN', 'Le Monde', 'Le Figaro', 'Libération',
  'Le Parisien', "L'Express", 'Le Point', "L'Obs", 'Le Nouvel Observateur', 'Les Échos', 'La Croix', "L'Humanité", 'Mediapart', 'Ouest-France',
  'Le Journal du dimanche', 'JDD', 'Le Canard enchaîné', 'Marianne', 'Challenges', 'Europe 1', 'RTL', 'France Inter', 'France Info', 'franceinfo',
  'France 2', 'France 3', 'France 24', 'TF1', 'BFM TV', 'BFMTV', 'LCI', 'CNews', 'RFI', 'Radio France', 'Radio Sawa', 'Al Jazeera', 'Al-Jazira',
  'Times', 'The Times', 'New York Times', 'The New York Times', 'Washington Post', 'The Washington Post', 'Wall Street Journal', 'Guardian',
  'The Guardian', 'Financial Times', 'Der Spiegel', 'Spiegel', 'El País', 'La Repubblica', 'Corriere della Sera', 'TASS', 'RIA Novosti',
  'Radio-Canada', 'La Presse', 'Le Devoir', 'Le Soir', 'RTBF', 'RTS', 'Le Temps', 'Jeune Afrique', 'Sud Ouest', 'La Dépêche', 'Le Progrès',
  'Nice-Matin', '20 Minutes', 'Le Huffington Post', 'HuffPost', 'Slate', 'Wikinews', 'Bloomberg', 'Politico', 'Fox News', 'NBC', 'ABC', 'CBS',
  'Euronews', 'Arte', 'TV5 Monde', 'Europe 1', 'Le Télégramme', 'La Voix du Nord', "L'Équipe", 'Kommersant', 'Izvestia', 'Global Times',
  "Quotidien du peuple", 'Nikkei', 'Yonhap', 'Kyodo', 'ANSA', 'EFE', 'DPA', 'Belga', 'ATS', 'APS', 'MAP', 'IRNA', 'SANA', 'WAFA',
];
