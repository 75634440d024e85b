/**
 * English channel nouns and media outlets.
 * Source: written for selon (common news usage). Licence: MIT (this project).
 */
import type { ChannelNoun } from '../pack.js';
import { media as sharedMedia } from '../fr/channels.js';

const doc = (name: string): ChannelNoun => ({ name, type: 'document' });
const platform = (name: string): ChannelNoun => ({ name, type: 'media' });

export const channels: Record<string, ChannelNoun> = {
  statement: doc('statement'), 'press release': doc('press release'), interview: doc('interview'), 'press conference': doc('press conference'),
  'news conference': doc('news conference'), briefing: doc('briefing'), speech: doc('speech'), letter: doc('letter'), transcript: doc('transcript'),
  readout: doc('readout'), report: doc('report'), memo: doc('memo'), email: doc('email'), 'e-mail': doc('e-mail'), tweet: doc('tweet'),
  post: doc('post'), 'blog post': doc('blog post'), blog: doc('blog'), video: doc('video'), op: doc('op-ed'), 'op-ed': doc('op-ed'),
  column: doc('column'), editorial: doc('editorial'), filing: doc('filing'), 'court filing': doc('court filing'), testimony: doc('testimony'),
  hearing: doc('hearing'), podcast: doc('podcast'), broadcast: doc('broadcast'), rally: doc('rally'), debate: doc('debate'), message: doc('message'),
  twitter: platform('Twitter'), x: platform('X'), facebook: platform('Facebook'), instagram: platform('Instagram'), youtube: platform('YouTube'),
  telegram: platform('Telegram'), tiktok: platform('TikTok'), 'social media': platform('social media'), linkedin: platform('LinkedIn'),
};

export const media = [
  ...sharedMedia, 'Breitbart', 'Breitbart News', 'Breitbart News Daily', 'MSNBC', 'NPR', 'PBS', 'USA Today', 'LA Weekly', 'Los Angeles Times',
  'Chicago Tribune', 'The Post', 'New York Post', 'The New York Post', 'Daily Mail', 'The Telegraph', 'The Independent', 'The Hill', 'Axios',
  'Vox', 'BuzzFeed', 'The Atlantic', 'Newsweek', 'Time', 'The Globe and Mail', 'CBC', 'ABC News', 'CBS News', 'NBC News', 'Sky News',
  'Australian Broadcasting Corporation', 'The Economist', 'Daily Beast', 'The Daily Beast', 'Talking Points Memo', 'Mother Jones',
  'National Review', 'The Federalist', 'Salon', 'Slate', 'HuffPost', 'Huffington Post', 'CNBC', 'Yahoo News', 'Al Jazeera', 'Fox',
];
