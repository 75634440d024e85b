/**
 * Table-driven tests of real-shaped sentences, French and English, one construction each (ATTRIBUTION.md).
 * Each row: the text, and the quotes expected (in order), or [] when nothing is speech. A bug fixed adds its row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../src/index.js';

interface Want {
  time?: string | null;
  kind?: 'direct' | 'mixed' | 'indirect';
  content?: string;
  speaker?: string | null;
  cue?: string | null;
  addressee?: string | null;
  via?: string[];
  continues?: boolean;
}

type Row = [lang: 'fr' | 'en', text: string, want: Want[], date?: string];

const ROWS: Row[] = [
  // 1. Direct quotes
  ['fr', '« Nous ne céderons pas », a déclaré la ministre Anne Roy.', [{ kind: 'direct', content: 'Nous ne céderons pas', speaker: 'Anne Roy', cue: 'a déclaré' }]],
  ['fr', 'Jean Dupont est arrivé hier. « C\'est une erreur », a-t-il estimé.', [{ kind: 'direct', content: "C'est une erreur", speaker: 'Jean Dupont', cue: 'a-t-il estimé' }]],
  ['fr', 'Marie Curie a pris la parole. « Jamais », dit-elle.', [{ kind: 'direct', content: 'Jamais', speaker: 'Marie Curie' }]],
  ['fr', 'Xi Jinping a reçu Michelle Bachelet. « Il faut partir », lui a-t-il dit.', [{ kind: 'direct', speaker: 'Xi Jinping', addressee: 'Michelle Bachelet' }]],
  ['fr', '« Nous irons jusqu\'au bout », a déclaré Anne Roy aux journalistes.', [{ kind: 'direct', speaker: 'Anne Roy', addressee: 'journalistes' }]],
  ['fr', 'Le maire Paul Martin a prévenu : « Personne ne sera oublié. »', [{ kind: 'direct', content: 'Personne ne sera oublié.', speaker: 'Paul Martin' }]],
  ['fr', 'Obama : « Le meilleur reste à venir »', [{ kind: 'direct', content: 'Le meilleur reste à venir', speaker: 'Obama', cue: ':' }]],
  ['fr', '« Nous avons gagné », a lancé Paul Martin. « Et nous irons jusqu\'au bout. »', [{ kind: 'direct', speaker: 'Paul Martin' }, { kind: 'direct', speaker: 'Paul Martin', continues: true }]],
  // "dit" names a term after a noun ("le projet dit « Grand Paris »"), but after an auxiliary or a reflexive clitic it
  // is the verb (frnews dev).
  ['fr', 'Barroso, le président de la Commission européenne, se dit « particulièrement rassuré ».', [{ kind: 'mixed', content: 'particulièrement rassuré', speaker: 'Barroso', cue: 'se dit' }]],
  ['fr', 'Le projet dit « Grand Paris » avance lentement depuis deux ans.', []],
  ['en', 'The book was called "The Reckoning" by its critics.', []],
  // A report inside a frame's clause is the quote, the frame its channel; a verb before an article is no adjective of
  // the name before it; "autre chose" is no infinitive; a verb with its own object is no incise; a person's role is no
  // apposition to a medium.
  ['fr', 'Le Kremlin donne une autre version : selon lui, Emmanuel Macron a assuré que « la Russie ne sera pas humiliée ».', [{ kind: 'mixed', speaker: 'Emmanuel Macron', via: ['Kremlin'] }]],
  ['en', "According to China's readout, Helena Marsh told Chen Weiguo she “admired China's achievements”.", [{ kind: 'mixed', speaker: 'Helena Marsh', addressee: 'Chen Weiguo', via: ['readout'] }]],
  // An initialism written with periods is one name (PolNeAR train).
  ['en', 'The F.B.I. has said it had no information about the couple.', [{ kind: 'indirect', content: 'it had no information about the couple', speaker: 'F.B.I.' }]],
  ['en', 'U.S. Democratic presidential candidate Hillary Clinton on Tuesday said that the violence was genocide.', [{ kind: 'indirect', content: 'the violence was genocide', speaker: 'Hillary Clinton' }]],
  // A dateline names where the story was filed, not a speaker (PolNeAR train).
  ['en', 'WASHINGTON (AP) — Speaking at a rally, saying “We have to be ready to stop him,” was not enough.', [{ kind: 'mixed', speaker: null }]],
  // An according-frame's source named by a common noun no list holds (PolNeAR train).
  ['en', 'According to a new article in Politico, Donald Trump will likely win the nomination.', [{ kind: 'indirect', content: 'Donald Trump will likely win the nomination', speaker: 'a new article' }]],
  ['fr', 'Selon le quotidien, la réforme sera votée en juin.', [{ kind: 'indirect', content: 'la réforme sera votée en juin', speaker: 'le quotidien' }]],
  // A country is a place: no "she" stands for it (English).
  ['en', "The UN's own transcript of her words, which China disputes, says something else: “I raised concerns about arbitrary detention,” she told him.", [{ kind: 'direct', speaker: null }]],
  ['en', 'The crew was told to prepare a "quasi-state of war".', [{ kind: 'mixed', content: 'prepare a "quasi-state of war"', speaker: null }]],
  ['fr', "Selon la lecture officielle, Bachelet a salué les progrès. Mais la transcription de l'ONU dit autre chose.", [{ kind: 'indirect', content: 'Bachelet a salué les progrès', speaker: 'la lecture officielle' }]],
  ['en', 'Speaking to CNN, the minister said the talks had failed.', [{ kind: 'indirect', content: 'the talks had failed', speaker: 'the minister' }]],
  // A quote standing alone may open on an editor's bracket (frnews dev).
  ['fr', "Myriam Martinet, de la CGT, a relevé qu'il « n'y a que 210 embauches sur trois ans ». « [C'est] inacceptable dans la mesure où HP a augmenté sa distribution de dividendes ».", [{ kind: 'mixed', speaker: 'Myriam Martinet' }, { kind: 'direct', content: "[C'est] inacceptable dans la mesure où HP a augmenté sa distribution de dividendes", speaker: 'Myriam Martinet', continues: true }]],
  ['en', '"We will win," said Governor Ann Lee.', [{ kind: 'direct', content: 'We will win,', speaker: 'Ann Lee', cue: 'said' }]],
  ['en', 'Ann Lee spoke on Monday. "We will win," Lee said.', [{ kind: 'direct', speaker: 'Ann Lee' }]],
  ['en', 'Ann Lee was in Ohio. "We are ready," she told CNN.', [{ kind: 'direct', speaker: 'Ann Lee', addressee: 'CNN', via: ['CNN'] }]],
  ['en', 'Lee said: "We will win."', [{ kind: 'direct', content: 'We will win.', speaker: 'Lee' }]],
  ['en', '“We are ready.” — Commissioner Ann Lee', [{ kind: 'direct', content: 'We are ready.', speaker: 'Ann Lee', cue: null }]],
  ['en', 'In a statement, the Church denied these allegations:\n\nShe was never forced to work in the engine room.', [{ kind: 'direct', content: 'She was never forced to work in the engine room.', speaker: 'Church', cue: 'denied' }]],
  ['en', 'He said, "We could have scored early." After the match, coach Nabil Maaloul said, "We were playing a great team."', [{ kind: 'direct', content: 'We could have scored early.' }, { kind: 'direct', speaker: 'Nabil Maaloul' }]],
  ['fr', 'Il entra.\n— Demain ! demain ! m\'écriai-je dans mon délire.\n— Demain, soit ! reprit-elle.', [{ kind: 'direct', content: '— Demain ! demain !' }, { kind: 'direct', content: '— Demain, soit !' }]],
  ['fr', 'Les chiffres clés :\n— 3 000 emplois supprimés\n— deux usines fermées', []],
  // 2. Mixed quotes
  ['fr', 'Le ministre Paul Martin a dénoncé « une faute lourde ».', [{ kind: 'mixed', content: 'une faute lourde', speaker: 'Paul Martin' }]],
  ['fr', 'Paul Martin a affirmé que la réforme était « juste et nécessaire ».', [{ kind: 'mixed', content: 'la réforme était « juste et nécessaire »', speaker: 'Paul Martin' }]],
  ['fr', 'Myriam Martinet a elle relevé qu\'il « n\'y a que 210 embauches sur trois ans ».', [{ kind: 'mixed', speaker: 'Myriam Martinet', cue: 'a elle relevé' }]],
  ['fr', 'Jean-Marie Le Pen revient sur le parti. Pour lui, l\'élite parisienne le caractérise d\'être « grossier » et « inquiétant ».', [{ kind: 'mixed', content: "l'élite parisienne le caractérise d'être « grossier » et « inquiétant »", speaker: 'Jean-Marie Le Pen', cue: 'Pour' }]],
  // 3. Indirect speech
  ['fr', 'Nock Ag Attia a précisé que les milices ne représentent pas les Maliens : « Au Mali, les Touareg ne partagent pas ces bêtises. »', [{ kind: 'indirect', content: 'les milices ne représentent pas les Maliens', speaker: 'Nock Ag Attia' }, { kind: 'direct', speaker: 'Nock Ag Attia' }]],
  ['fr', 'Le parquet a indiqué que trois personnes avaient été arrêtées.', [{ kind: 'indirect', content: 'trois personnes avaient été arrêtées', speaker: 'Le parquet' }]],
  ['en', 'Police said three people were arrested.', [{ kind: 'indirect', content: 'three people were arrested', speaker: 'Police' }]],
  // A zero-complementizer clause whose subject is a long phrase, or carries an apposition (PolNeAR train).
  ['en', 'Developers say the program, run by the Department of Homeland Security, has brought billions of dollars to poor areas.', [{ kind: 'indirect', content: 'the program, run by the Department of Homeland Security, has brought billions of dollars to poor areas', speaker: 'Developers' }]],
  ['en', 'The coach said the 4-1 defeat in the final against France on Sunday was a disgrace.', [{ kind: 'indirect', content: 'the 4-1 defeat in the final against France on Sunday was a disgrace', speaker: 'The coach' }]],
  ['en', 'Experts on North Korea said the latest nuclear test could change that.', [{ kind: 'indirect', content: 'the latest nuclear test could change that', speaker: 'Experts' }]],
  // Incises without marks, English: a subject with modifiers, and the verb between two commas (PolNeAR train).
  ['en', 'The plan is still tilted toward the rich, the Tax Foundation said.', [{ kind: 'indirect', content: 'The plan is still tilted toward the rich', speaker: 'Tax Foundation' }]],
  ['en', 'Acts of protest, Mr. Obama said, are acts of patriotism.', [{ kind: 'indirect', content: 'Acts of protest, Mr. Obama said, are acts of patriotism', speaker: 'Obama', cue: 'said' }]],
  ['en', 'Three were arrested, police said, adding that more arrests were expected.', [{ kind: 'indirect', content: 'Three were arrested', speaker: 'police' }, { kind: 'indirect', content: 'more arrests were expected', speaker: 'police', cue: 'adding' }]],
  // Zero-that after an addressee or a time or channel phrase (PolNeAR train).
  ['en', 'Sanders told reporters he would run.', [{ kind: 'indirect', content: 'he would run', speaker: 'Sanders', addressee: 'reporters' }]],
  ['en', 'Sheldon Adelson said on Friday he met Donald Trump earlier this week.', [{ kind: 'indirect', content: 'he met Donald Trump earlier this week', speaker: 'Sheldon Adelson' }]],
  ['en', 'Paul Ryan said at a press conference the plan would fail.', [{ kind: 'indirect', content: 'the plan would fail', speaker: 'Paul Ryan', via: ['press conference'] }]],
  ['en', 'Sanders told MSNBC’s “Morning Joe” that nobody would question her intelligence.', [{ kind: 'indirect', content: 'nobody would question her intelligence', speaker: 'Sanders' }]],
  // Negations that belong to the reported words, not to the saying.
  ['en', 'Police said no one was injured.', [{ kind: 'indirect', content: 'no one was injured', speaker: 'Police' }]],
  ['en', 'Paul Martin vowed not to appeal the ruling.', [{ kind: 'indirect', content: 'not to appeal the ruling', speaker: 'Paul Martin' }]],
  ['en', 'Paul Martin did not say whether he would run.', []],
  ['fr', 'Le ministre Paul Martin dit ne pas vouloir partir.', [{ kind: 'indirect', content: 'ne pas vouloir partir', speaker: 'Paul Martin' }]],
  ['fr', 'Paul Martin promet de ne jamais revenir.', [{ kind: 'indirect', content: 'ne jamais revenir', speaker: 'Paul Martin' }]],
  ['fr', 'Paul Martin n’a pas dit que la loi serait votée.', []],
  ['en', 'A spokeswoman for Hillary Clinton says neither the Democratic presidential nominee nor her campaign helped a former Miss Universe get U.S. citizenship.', [{ kind: 'indirect', content: 'neither the Democratic presidential nominee nor her campaign helped a former Miss Universe get U.S. citizenship', speaker: 'A spokeswoman' }]],
  ['en', 'Tom Smith, a spokesman for the United Mine Workers of America, said the union expected production to improve.', [{ kind: 'indirect', content: 'the union expected production to improve', speaker: 'Tom Smith' }]],
  ['en', 'In the long run, many economists say, this effect could ripple through the health care system.', [{ kind: 'indirect', content: 'In the long run, many economists say, this effect could ripple through the health care system', speaker: 'many economists' }]],
  ['en', 'Victims of domestic violence would be considered a distinct group, Sanders said, a policy that could make a difference.', [{ kind: 'indirect', content: 'Victims of domestic violence would be considered a distinct group', speaker: 'Sanders' }]],
  ['en', 'She was sent to a camp in Sydney, which the Church describes as a religious retreat.', []],
  ['en', 'One delegate, Kelly Schmidt, told POLITICO she was leaning toward Cruz.', [{ kind: 'indirect', content: 'she was leaning toward Cruz', speaker: 'Kelly Schmidt', addressee: 'Politico' }]],
  ['en', 'He added, that there is a strong emphasis on a fair process.', [{ kind: 'indirect', content: 'there is a strong emphasis on a fair process' }]],
  ['en', 'Sanders said the nation’s problems of income inequality and big campaign money are so daunting.', [{ kind: 'indirect', content: 'the nation’s problems of income inequality and big campaign money are so daunting', speaker: 'Sanders' }]],
  ['en', 'Trump says praise from Putin has helped the country.', [{ kind: 'indirect', content: 'praise from Putin has helped the country', speaker: 'Trump' }]],
  // The reported clause ends before a participle of the narrator's, or another report after a comma.
  ['en', 'Witnesses said Crutcher had his hands in the air, contradicting the earlier claim of the police.', [{ kind: 'indirect', content: 'Crutcher had his hands in the air', speaker: 'Witnesses' }]],
  ['en', 'Dean said that the party’s vacancy rules should be modernized, but he said that discussion should wait until after the election.', [{ kind: 'indirect', content: 'the party’s vacancy rules should be modernized', speaker: 'Dean' }, { kind: 'indirect', content: 'discussion should wait until after the election', speaker: 'Dean' }]],
  // Transcripts: each turn is a direct quote of its labelled speaker, in quote marks or not; a lone label is no transcript.
  ['en', 'Partial transcript as follows:\n\nWALLACE: Let’s start with the debate story. Why would Trump do that?\n\nPENCE: Well, look, Hillary Clinton apparently thinks this is an episode of a show.', [{ kind: 'direct', content: 'Let’s start with the debate story. Why would Trump do that?', speaker: 'WALLACE', cue: null }, { kind: 'direct', content: 'Well, look, Hillary Clinton apparently thinks this is an episode of a show.', speaker: 'PENCE', cue: null }]],
  ['en', 'Partial transcript as follows:\n\n"WALLACE: Let’s start with the debate story.\n\n"PENCE: Well, look, this is serious business."', [{ kind: 'direct', content: 'Let’s start with the debate story.', speaker: 'WALLACE' }, { kind: 'direct', content: 'Well, look, this is serious business.', speaker: 'PENCE' }]],
  ['en', 'UPDATE: The police said three people were arrested.', [{ kind: 'indirect', content: 'three people were arrested', speaker: 'The police' }]],
  // An according-frame between two commas: one quote in two fragments; a middle initial stays in the name.
  ['en', 'At the heart of the trouble, according to Dennis B. Ross, another former envoy, was a decision by Mr. Obama.', [{ kind: 'indirect', content: 'At the heart of the trouble, according to Dennis B. Ross, another former envoy, was a decision by Mr. Obama', speaker: 'Dennis B. Ross', cue: 'according to' }]],
  ['fr', 'Le pont, selon la police, était fermé depuis mardi.', [{ kind: 'indirect', content: 'Le pont, selon la police, était fermé depuis mardi', speaker: 'la police' }]],
  ['en', 'John F. Kennedy said the plan would fail.', [{ kind: 'indirect', content: 'the plan would fail', speaker: 'John F. Kennedy' }]],
  ['en', 'She said the word three times in the speech to the delegates in Ohio, and left.', []],
  ['fr', 'Trois personnes ont été arrêtées, a indiqué la police.', [{ kind: 'indirect', content: 'Trois personnes ont été arrêtées', speaker: 'la police' }]],
  ['en', 'Three were arrested, police said.', [{ kind: 'indirect', content: 'Three were arrested', speaker: 'police' }]],
  ['fr', 'Selon le ministère, la situation est sous contrôle.', [{ kind: 'indirect', content: 'la situation est sous contrôle', speaker: 'le ministère' }]],
  ['fr', 'La situation est sous contrôle, selon le ministère.', [{ kind: 'indirect', content: 'La situation est sous contrôle', speaker: 'le ministère' }]],
  ['en', 'The plant will close, according to the union.', [{ kind: 'indirect', content: 'The plant will close', speaker: 'the union' }]],
  ['fr', 'Anne Roy affirme avoir été menacée.', [{ kind: 'indirect', content: 'avoir été menacée', speaker: 'Anne Roy' }]],
  ['fr', 'Pete Selleck parle. Contrairement à tous les discours, appuie-t-il, le français est classé troisième langue des affaires.', [{ kind: 'indirect', content: 'le français est classé troisième langue des affaires', speaker: 'Pete Selleck' }]],
  ['fr', 'Un lycéen a été agressé hier soir, indique aujourd\'hui le ministère.', [{ kind: 'indirect', content: 'Un lycéen a été agressé hier soir', speaker: 'le ministère' }]],
  ['en', 'Valeska Paris left the ship. She was told to disconnect from her mother.', [{ kind: 'indirect', content: 'disconnect from her mother', speaker: null, addressee: 'Valeska Paris' }]],
  ['en', 'The Church of Scientology answered. They claimed Paris was a volunteer.', [{ kind: 'indirect', content: 'Paris was a volunteer', speaker: 'Church of Scientology' }]],
  ['en', 'Harry Kane said, "In the first half it felt good out there.\n\nWe could have scored two or three goals."', [{ kind: 'direct', speaker: 'Harry Kane' }, { kind: 'direct', content: 'We could have scored two or three goals.', speaker: 'Harry Kane', continues: true }]],
  ['fr', '« Nous sommes devant un nouvel antisémitisme. » « Il y a là une volonté de pourrir le débat ! », a-t-il affirmé.', [{ kind: 'direct' }, { kind: 'direct', content: 'Il y a là une volonté de pourrir le débat !' }]],
  // A possessor is not the speaker: the head of its noun phrase is ("North Korea's news agency KCNA"); an inner
  // according-frame after a leading one leads too (ennews dev).
  ['en', "According to Yonhap news agency, quoting North Korea's main news agency Korean Central News Agency (KCNA), the country's military has been placed on high alert.", [{ kind: 'indirect', content: "the country's military has been placed on high alert", speaker: 'Korean Central News Agency', cue: 'quoting' }]],
  ['en', "The military was ready, said North Korea's news agency KCNA.", [{ kind: 'indirect', content: 'The military was ready', speaker: 'KCNA' }]],
  ['en', "According to Britain's foreign secretary Boris Johnson, the deal is dead.", [{ kind: 'indirect', content: 'the deal is dead', speaker: 'Boris Johnson' }]],
  ['en', 'North Korea stated it would attack any loudspeakers broadcasting propaganda and would respond within 48 hours.', [{ kind: 'indirect', content: 'it would attack any loudspeakers broadcasting propaganda and would respond within 48 hours', speaker: 'North Korea' }]],
  // 5. Channels
  ['fr', 'Selon l\'AFP, l\'usine fermera.', [{ kind: 'indirect', speaker: 'AFP', via: [] }]],
  ['fr', 'Paul Martin a déclaré dans un communiqué que l\'usine fermera.', [{ kind: 'indirect', speaker: 'Paul Martin', via: ['communiqué'] }]],
  ['fr', 'Dans une interview à Radio Sawa, Abdel Basset Sayda a déclaré que c\'est un exemple d\'ingérence étrangère.', [{ kind: 'indirect', speaker: 'Abdel Basset Sayda', addressee: 'Radio Sawa', via: ['interview', 'Radio Sawa'] }]],
  ['fr', 'Dans les colonnes du Times, Jean-Marie Le Pen décrit sa fille comme « petite-bourgeoise ».', [{ kind: 'mixed', content: 'petite-bourgeoise', speaker: 'Jean-Marie Le Pen', via: ['Times'] }]],
  ['fr', 'Il a parlé dans le monde politique français. « Nous gagnerons », a déclaré Paul Martin.', [{ kind: 'direct', speaker: 'Paul Martin', via: [] }]],
  ['fr', 'Xi Jinping a reçu Michelle Bachelet. « Il faut protéger les droits », lui a-t-il dit, selon CCTV et Xinhua.', [{ kind: 'direct', speaker: 'Xi Jinping', addressee: 'Michelle Bachelet', via: ['CCTV', 'Xinhua'] }]],
  // Time, against the publication date (a Wednesday)
  ['fr', 'Le porte-parole Wang Wenbin a déclaré mardi que la visite n\'était pas une enquête.', [{ speaker: 'Wang Wenbin', time: '2022-05-24' }], '2022-05-25'],
  ['en', 'On May 24, the spokesman Wang Wenbin said the visit was not an investigation.', [{ time: '2022-05-24' }], '2022-05-25'],
  ['fr', 'Le 30 décembre, Paul Martin a affirmé que tout allait bien.', [{ time: '2021-12-30' }], '2022-01-05'],
  // 6. Not speech
  ['fr', 'Le secrétaire général part à Paris sans pouvoir dire « mission terminée à Québec ».', []],
  ['fr', 'Le gouvernement emploie des « stagiaires » dans ses bureaux.', []],
  ['fr', 'Il a évoqué la crise.', []],
  ['en', 'She discussed the budget.', []],
  // 7. Boilerplate
  ['fr', 'LIRE AUSSI : « Nous ne céderons pas », a déclaré la ministre Anne Roy.', []],
];

function check(row: Row) {
  const [lang, text, want, date] = row;
  const out = extract({ text, date: date ?? null }, { lang });
  const got = out.quotes;
  assert.equal(got.length, want.length, `quotes found: ${JSON.stringify(got.map((q) => [q.kind, q.content.text, q.speaker?.name]))}`);
  want.forEach((w, i) => {
    const q = got[i]!;
    if (w.kind) assert.equal(q.kind, w.kind, 'kind');
    if (w.content !== undefined) assert.equal(q.content.text, w.content, 'content');
    if (w.speaker !== undefined) assert.equal(q.speaker?.name ?? null, w.speaker, 'speaker');
    if (w.cue !== undefined) assert.equal(q.cue?.text ?? null, w.cue, 'cue');
    if (w.addressee !== undefined) assert.equal(q.addressee?.name ?? null, w.addressee, 'addressee');
    if (w.via !== undefined) assert.deepEqual(q.via.map((v) => v.name), w.via, 'via');
    if (w.time !== undefined) assert.equal(q.time?.date ?? null, w.time, 'time');
    if (w.continues !== undefined) assert.equal(q.continues !== null, w.continues, 'continues');
  });
}

for (const row of ROWS) test(`${row[0]}: ${row[1]}`, () => check(row));
