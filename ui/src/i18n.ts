/**
 * The UI's words in French and English. One dictionary per language with the same keys (the English one is the
 * type), a `t()` that reads the current language, and a hook that re-renders when it changes.
 */
import { useEffect, useState } from 'preact/hooks';

const en = {
  'app.title': 'selon',
  'app.tagline': 'who said what, to whom, according to whom',
  'nav.read': 'Read',
  'nav.search': 'Search',
  'nav.speakers': 'Speakers',
  'nav.accounts': 'Accounts',
  'nav.main': 'Main navigation',
  'lang.switch': 'Interface language',
  'lang.fr': 'Français',
  'lang.en': 'English',
  'read.title': 'Read an article',
  'read.intro': 'Paste an article or open an HTML file. The analysis runs in this browser: the text is not sent anywhere.',
  'read.text': 'Article text',
  'read.placeholder': '« Nous ne céderons pas », a déclaré la ministre Anne Roy.',
  'read.file': 'Open an HTML or text file',
  'read.drop': 'or drop a file here',
  'read.language': 'Article language',
  'read.auto': 'detect',
  'read.date': 'Published on',
  'read.run': 'Find the quotes',
  'read.clear': 'Clear',
  'read.example': 'Try an example',
  'read.local': 'Runs locally, offline too',
  'read.skipped': 'Nothing to read',
  'read.reason.unsupported-language': 'this language is not supported yet (French and English are)',
  'read.reason.no-body': 'no article body was found in this page',
  'read.reason.empty': 'the text is empty',
  'read.fileError': 'This file could not be read.',
  'read.none': 'No reported speech found in this text.',
  'summary.quotes': 'quotes',
  'summary.speakers': 'speakers',
  'summary.lang': 'language',
  'summary.boilerplate': 'boilerplate blocks greyed',
  'article.label': 'Article with quotes highlighted',
  'article.hint': 'Select a quote (click, or Tab then Enter) to see who said it.',
  'article.boilerplate': 'boilerplate',
  'quote.title': 'Quote',
  'quote.close': 'Close',
  'quote.words': 'Words',
  'quote.kind': 'Kind',
  'quote.kind.direct': 'direct',
  'quote.kind.mixed': 'mixed',
  'quote.kind.indirect': 'indirect',
  'quote.speaker': 'Speaker',
  'quote.mention': 'mention',
  'quote.cue': 'Cue',
  'quote.addressee': 'Addressee',
  'quote.via': 'Via',
  'quote.time': 'Time',
  'quote.confidence': 'Confidence',
  'quote.evidence': 'Evidence rules',
  'quote.continues': 'Continues',
  'quote.none': '—',
  'quote.unknown': 'unknown speaker',
  'quote.document': 'Document',
  'quote.outlet': 'Outlet',
  'quote.date': 'Date',
  'quote.previous': 'Previous quote',
  'quote.next': 'Next quote',
  'search.title': 'Search quotes',
  'search.query': 'Words',
  'search.placeholder': 'sécurité, "porte-parole"…',
  'search.speaker': 'Speaker',
  'search.via': 'Channel (via)',
  'search.outlet': 'Outlet',
  'search.lang': 'Language',
  'search.anyLang': 'any',
  'search.from': 'From',
  'search.to': 'To',
  'search.submit': 'Search',
  'search.reset': 'Reset filters',
  'search.results': 'results',
  'search.none': 'No quote matches.',
  'search.facets': 'Refine',
  'search.facet.speaker': 'Speakers',
  'search.facet.outlet': 'Outlets',
  'search.facet.lang': 'Languages',
  'search.facet.year': 'Dates',
  'search.page': 'Page',
  'search.prev': 'Previous page',
  'search.next': 'Next page',
  'speakers.title': 'Speakers',
  'speakers.filter': 'Filter by name',
  'speakers.quotes': 'quotes',
  'speakers.documents': 'documents',
  'speakers.none': 'No speaker yet.',
  'speaker.aliases': 'Also named',
  'speaker.quotes': 'Quotes',
  'speaker.outlets': 'Outlets that carry them',
  'speaker.timeline': 'Quotes over time',
  'speaker.timelineLabel': 'Number of quotes per period',
  'speaker.undated': 'without a date',
  'speaker.search': 'Search within these quotes',
  'document.title': 'Document',
  'document.source': 'Source',
  'document.engine': 'Extracted by selon',
  'accounts.title': 'Accounts',
  'accounts.intro': 'Versions of the same words, as each channel reports them. Words that differ are marked.',
  'accounts.none': 'No compared accounts yet.',
  'accounts.verdict.consistent': 'consistent',
  'accounts.verdict.variant': 'variant',
  'accounts.verdict.divergent': 'divergent',
  'accounts.similarity': 'similarity',
  'accounts.version': 'Version',
  'accounts.channel': 'as told by',
  'accounts.changed': 'differs from the other version',
  'accounts.outlets': 'in',
  'accounts.across.title': 'Across outlets',
  'accounts.across.intro': 'The same words as several outlets carry them: each version with its outlets and channels. Words that differ from the most common version are marked.',
  'accounts.across.none': 'No words carried by several outlets yet.',
  'accounts.across.first': 'first published',
  'accounts.across.also': 'Also attributed to',
  'accounts.flag.wording-differs': 'wording differs between outlets',
  'accounts.flag.speaker-conflict': 'attributed to different speakers',
  'common.loading': 'Loading…',
  'common.error': 'Something went wrong',
  'common.retry': 'Retry',
  'common.notFound': 'Not found.',
  'common.offline': 'The server cannot be reached. The Read view still works offline.',
  'common.skip': 'Skip to content',
};

export type Key = keyof typeof en;
export type UiLang = 'fr' | 'en';

const fr: Record<Key, string> = {
  'app.title': 'selon',
  'app.tagline': 'qui a dit quoi, à qui, selon qui',
  'nav.read': 'Lire',
  'nav.search': 'Rechercher',
  'nav.speakers': 'Locuteurs',
  'nav.accounts': 'Versions',
  'nav.main': 'Navigation principale',
  'lang.switch': 'Langue de l’interface',
  'lang.fr': 'Français',
  'lang.en': 'English',
  'read.title': 'Lire un article',
  'read.intro': 'Collez un article ou ouvrez un fichier HTML. L’analyse se fait dans ce navigateur : le texte n’est envoyé nulle part.',
  'read.text': 'Texte de l’article',
  'read.placeholder': '« Nous ne céderons pas », a déclaré la ministre Anne Roy.',
  'read.file': 'Ouvrir un fichier HTML ou texte',
  'read.drop': 'ou déposez un fichier ici',
  'read.language': 'Langue de l’article',
  'read.auto': 'détecter',
  'read.date': 'Publié le',
  'read.run': 'Trouver les citations',
  'read.clear': 'Effacer',
  'read.example': 'Essayer un exemple',
  'read.local': 'Fonctionne en local, même hors ligne',
  'read.skipped': 'Rien à lire',
  'read.reason.unsupported-language': 'cette langue n’est pas encore prise en charge (le français et l’anglais le sont)',
  'read.reason.no-body': 'aucun corps d’article trouvé dans cette page',
  'read.reason.empty': 'le texte est vide',
  'read.fileError': 'Ce fichier n’a pas pu être lu.',
  'read.none': 'Aucun discours rapporté trouvé dans ce texte.',
  'summary.quotes': 'citations',
  'summary.speakers': 'locuteurs',
  'summary.lang': 'langue',
  'summary.boilerplate': 'blocs parasites grisés',
  'article.label': 'Article, citations surlignées',
  'article.hint': 'Choisissez une citation (clic, ou Tab puis Entrée) pour voir qui l’a dite.',
  'article.boilerplate': 'bloc parasite',
  'quote.title': 'Citation',
  'quote.close': 'Fermer',
  'quote.words': 'Propos',
  'quote.kind': 'Type',
  'quote.kind.direct': 'directe',
  'quote.kind.mixed': 'mixte',
  'quote.kind.indirect': 'indirecte',
  'quote.speaker': 'Locuteur',
  'quote.mention': 'mention',
  'quote.cue': 'Verbe ou marqueur',
  'quote.addressee': 'Destinataire',
  'quote.via': 'Par l’intermédiaire de',
  'quote.time': 'Moment',
  'quote.confidence': 'Confiance',
  'quote.evidence': 'Règles appliquées',
  'quote.continues': 'Suite de',
  'quote.none': '—',
  'quote.unknown': 'locuteur inconnu',
  'quote.document': 'Document',
  'quote.outlet': 'Média',
  'quote.date': 'Date',
  'quote.previous': 'Citation précédente',
  'quote.next': 'Citation suivante',
  'search.title': 'Rechercher des citations',
  'search.query': 'Mots',
  'search.placeholder': 'sécurité, « porte-parole »…',
  'search.speaker': 'Locuteur',
  'search.via': 'Canal (selon)',
  'search.outlet': 'Média',
  'search.lang': 'Langue',
  'search.anyLang': 'toutes',
  'search.from': 'Du',
  'search.to': 'Au',
  'search.submit': 'Rechercher',
  'search.reset': 'Effacer les filtres',
  'search.results': 'résultats',
  'search.none': 'Aucune citation ne correspond.',
  'search.facets': 'Affiner',
  'search.facet.speaker': 'Locuteurs',
  'search.facet.outlet': 'Médias',
  'search.facet.lang': 'Langues',
  'search.facet.year': 'Dates',
  'search.page': 'Page',
  'search.prev': 'Page précédente',
  'search.next': 'Page suivante',
  'speakers.title': 'Locuteurs',
  'speakers.filter': 'Filtrer par nom',
  'speakers.quotes': 'citations',
  'speakers.documents': 'documents',
  'speakers.none': 'Aucun locuteur pour l’instant.',
  'speaker.aliases': 'Aussi nommé',
  'speaker.quotes': 'Citations',
  'speaker.outlets': 'Médias qui les rapportent',
  'speaker.timeline': 'Citations dans le temps',
  'speaker.timelineLabel': 'Nombre de citations par période',
  'speaker.undated': 'sans date',
  'speaker.search': 'Chercher dans ces citations',
  'document.title': 'Document',
  'document.source': 'Source',
  'document.engine': 'Extrait par selon',
  'accounts.title': 'Versions',
  'accounts.intro': 'Les versions des mêmes propos, telles que chaque canal les rapporte. Les mots qui diffèrent sont marqués.',
  'accounts.none': 'Aucune version comparée pour l’instant.',
  'accounts.verdict.consistent': 'concordantes',
  'accounts.verdict.variant': 'variantes',
  'accounts.verdict.divergent': 'divergentes',
  'accounts.similarity': 'similarité',
  'accounts.version': 'Version',
  'accounts.channel': 'selon',
  'accounts.changed': 'diffère de l’autre version',
  'accounts.outlets': 'dans',
  'accounts.across.title': 'D’un média à l’autre',
  'accounts.across.intro': 'Les mêmes propos tels que plusieurs médias les rapportent : chaque version avec ses médias et ses canaux. Les mots qui diffèrent de la version la plus reprise sont marqués.',
  'accounts.across.none': 'Aucun propos repris par plusieurs médias pour l’instant.',
  'accounts.across.first': 'première parution',
  'accounts.across.also': 'Également attribués à',
  'accounts.flag.wording-differs': 'formulation différente selon les médias',
  'accounts.flag.speaker-conflict': 'attribués à des personnes différentes',
  'common.loading': 'Chargement…',
  'common.error': 'Une erreur est survenue',
  'common.retry': 'Réessayer',
  'common.notFound': 'Introuvable.',
  'common.offline': 'Le serveur est injoignable. La lecture fonctionne toujours hors ligne.',
  'common.skip': 'Aller au contenu',
};

const DICTS: Record<UiLang, Record<Key, string>> = { en, fr };
const STORAGE_KEY = 'selon.ui.lang';

function initialLang(): UiLang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    /* storage may be disabled */
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

let current: UiLang = initialLang();
const listeners = new Set<(l: UiLang) => void>();

export function getLang(): UiLang {
  return current;
}

export function setLang(lang: UiLang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  document.documentElement.lang = lang;
  for (const l of listeners) l(lang);
}

export function t(key: Key): string {
  return DICTS[current][key];
}

/** Re-renders the calling component when the UI language changes; returns the current language. */
export function useLang(): UiLang {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return lang;
}
