/**
 * English words for comparing accounts of the same words (compare-accounts, src/accounts).
 * Source: written for selon from standard English grammar and the phrasing of news reports that set two versions of
 * the same words side by side. Licence: MIT (this project).
 */
import type { AccountWords } from '../pack.js';

export const accounts: AccountWords = {
  stopWords: [
    // articles and determiners
    'the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every', 'such', 'all', 'both',
    // pronouns (a person shift between direct and indirect speech must not count)
    'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'he', 'him', 'his', 'she', 'her', 'hers', 'it',
    'its', 'they', 'them', 'their', 'theirs', 'myself', 'ourselves', 'himself', 'herself', 'itself', 'themselves', 'who', 'whom',
    'whose', 'which', 'what', 's', 't', 'll', 've', 're', 'd', 'm',
    // prepositions and conjunctions
    'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'onto', 'about', 'as', 'than', 'and', 'or', 'but', 'so',
    'if', 'because', 'while', 'when', 'then', 'there', 'here', 'up', 'out', 'over',
    // auxiliaries and modals in all the forms a tense shift produces
    'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'will',
    'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'going', 'gonna',
    // frequent adverbs and fillers
    'very', 'also', 'just', 'only', 'still', 'even', 'now', 'too', 'more', 'most', 'much', 'well', 'yes',
  ],
  negations: ['not', 'no', 'never', 'without', 'nothing', 'none', 'nobody', 'neither', 'nor', 'cannot', 'won', 'don', 'doesn', 'didn', 'isn',
    'aren', 'wasn', 'weren', 'hasn', 'haven', 'couldn', 'wouldn', 'shouldn'],
  markers: [
    'version*', 'differ*', 'diverg*', 'contradict*', 'at odds', 'no mention', 'not mention', 'no such', 'disput*',
    'never said', 'never say', 'tells a different', 'told a different', 'markedly different', 'a different account',
    'another account', 'conflicting account*', 'inconsistent with', 'something else', 'something different',
    'a different picture', 'a different story',
  ],
  denials: ['deni*', 'deny*', 'reject*', 'refut*', 'rebut*'],
  reportNouns: [
    'remarks', 'words', 'account*', 'quote*', 'quotation*', 'comment*', 'statement*', 'readout*', 'transcript*', 'translation*',
    'story', 'report*', 'claim*', 'characteri*', 'version*',
  ],
  hedges: ['slightly', 'a little', 'a bit', 'somewhat', 'marginally'],
};
