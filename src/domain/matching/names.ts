/**
 * Nicknames and transliteration variants. A nickname points at the formal names it shortens
 * (Bill → William); a transliteration group holds spellings of one name written from another
 * script (Muhammad, Mohammed, Mohamed …). Both are read after normalisation (see normalise.ts).
 */

/** nickname → the formal names it is used for. Kept in one table so it can be reviewed and extended. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  bill: ['william'], billy: ['william'], will: ['william'], willy: ['william'], liam: ['william'],
  bob: ['robert'], bobby: ['robert'], rob: ['robert'], robbie: ['robert'], bert: ['robert', 'albert', 'herbert'],
  peggy: ['margaret'], maggie: ['margaret'], meg: ['margaret'], megan: ['margaret'], greta: ['margaret'], daisy: ['margaret'],
  sasha: ['alexander', 'alexandra', 'oleksandr', 'aleksandr', 'oleksandra', 'aleksandra'], sacha: ['alexander', 'alexandra'],
  alex: ['alexander', 'alexandra', 'alexis'], alec: ['alexander'], sandy: ['alexander', 'alexandra'], lexi: ['alexandra'],
  dick: ['richard'], rick: ['richard'], ricky: ['richard'], rich: ['richard'], richie: ['richard'],
  jim: ['james'], jimmy: ['james'], jamie: ['james'], jack: ['john'], johnny: ['john'], jon: ['jonathan', 'john'],
  ted: ['edward', 'theodore'], teddy: ['edward', 'theodore'], ed: ['edward', 'edmund'], eddie: ['edward'], ned: ['edward'],
  harry: ['henry', 'harold'], hal: ['henry'], hank: ['henry'],
  kate: ['katherine', 'catherine', 'kathryn'], katie: ['katherine', 'catherine', 'kathryn'], kathy: ['katherine', 'catherine', 'kathryn'],
  cathy: ['catherine'], kitty: ['katherine', 'catherine'], kat: ['katherine', 'catherine'],
  liz: ['elizabeth'], lizzie: ['elizabeth'], beth: ['elizabeth', 'bethany'], betty: ['elizabeth'], bess: ['elizabeth'], eliza: ['elizabeth'], libby: ['elizabeth'],
  tom: ['thomas'], tommy: ['thomas'], mike: ['michael'], mick: ['michael'], micky: ['michael'], mikey: ['michael'],
  dave: ['david'], davey: ['david'], dan: ['daniel'], danny: ['daniel'], sam: ['samuel', 'samantha'], sammy: ['samuel', 'samantha'],
  ben: ['benjamin'], benny: ['benjamin'], joe: ['joseph'], joey: ['joseph'], josh: ['joshua'], matt: ['matthew'],
  nick: ['nicholas'], nicky: ['nicholas', 'nicola'], chris: ['christopher', 'christine', 'christina'], kit: ['christopher'],
  tony: ['anthony'], andy: ['andrew'], drew: ['andrew'], steve: ['stephen', 'steven'], stevie: ['stephen', 'steven'],
  charlie: ['charles', 'charlotte'], chuck: ['charles'], lottie: ['charlotte'], freddie: ['frederick', 'alfred'], fred: ['frederick', 'alfred'],
  alfie: ['alfred'], archie: ['archibald'], ollie: ['oliver', 'olivia'], olly: ['oliver'], theo: ['theodore'],
  jenny: ['jennifer'], jen: ['jennifer'], jess: ['jessica'], jessie: ['jessica'], becky: ['rebecca'], becca: ['rebecca'],
  sue: ['susan', 'suzanne'], susie: ['susan'], abby: ['abigail'], abbie: ['abigail'], vicky: ['victoria'], tori: ['victoria'],
  ellie: ['eleanor', 'ellen', 'elizabeth'], nell: ['eleanor', 'helen'], nellie: ['eleanor', 'helen'], polly: ['mary'], molly: ['mary'], mandy: ['amanda'],
  pat: ['patrick', 'patricia'], patsy: ['patricia'], paddy: ['patrick'], trish: ['patricia'], gerry: ['gerald', 'geraldine'],
  tilly: ['matilda'], millie: ['amelia', 'mildred'], emmy: ['emily', 'emma'], izzy: ['isabel', 'isabella', 'isobel'], bella: ['isabella', 'arabella'],
  evie: ['evelyn', 'eve'], rosie: ['rosemary', 'rose'], fran: ['frances', 'francesca'], frankie: ['francis', 'frances'], frank: ['francis'],
  zak: ['zachary'], zach: ['zachary'], nate: ['nathan', 'nathaniel'], gabe: ['gabriel'], reggie: ['reginald'], ron: ['ronald'], ronnie: ['ronald'],
  kostya: ['konstantin'], misha: ['mikhail'], dima: ['dmitri', 'dmytro'], vova: ['vladimir', 'volodymyr'], katya: ['ekaterina', 'kateryna'],
  nastya: ['anastasia'], tanya: ['tatiana'], olya: ['olga'], lena: ['elena', 'olena', 'helena'],
  mo: ['muhammad', 'maurice'], hamid: ['muhammad'],
};

/**
 * Spellings of one name from another script. The first of each group is the form shown in a
 * reason ("a spelling of Muhammad").
 */
export const TRANSLITERATIONS: readonly (readonly string[])[] = [
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'muhammed', 'mohamad', 'mehmet', 'mahomed'],
  ['hussain', 'hussein', 'husain', 'husein', 'hossain', 'hosain'],
  ['oleksandr', 'aleksandr', 'alexander', 'aleksander', 'olexandr', 'alexandr'],
  ['oleksandra', 'aleksandra', 'alexandra', 'olexandra'],
  ['yusuf', 'yousef', 'youssef', 'yousuf', 'yosef', 'josef', 'joseph'],
  ['ahmed', 'ahmad', 'ahmet', 'ahmid'],
  ['ali', 'aly'],
  ['fatima', 'fatimah', 'fatma', 'fatemeh'],
  ['aisha', 'ayesha', 'aysha', 'ayisha', 'aishah'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha'],
  ['ibrahim', 'ebrahim', 'ibraheem'],
  ['abdullah', 'abdallah', 'abdulla'],
  ['khan', 'kahn'],
  ['chaudhry', 'choudhury', 'chowdhury', 'chaudhary', 'choudhry'],
  ['sergei', 'sergey', 'serhiy', 'serhii'],
  ['dmitri', 'dmitry', 'dmytro', 'dimitri'],
  ['volodymyr', 'vladimir', 'wolodymyr'],
  ['mykola', 'nikolai', 'nikolay', 'nicholas'],
  ['andriy', 'andrei', 'andrey', 'andrii', 'andrew'],
  ['yuriy', 'yuri', 'yury', 'iurii'],
  ['tetiana', 'tatiana', 'tatyana', 'tetyana'],
  ['olena', 'elena', 'yelena', 'helena'],
  ['kateryna', 'ekaterina', 'yekaterina', 'katerina', 'catherine'],
  ['mikhail', 'mykhailo', 'michael'],
  ['zhang', 'chang'],
  ['nguyen', 'nguyan', 'nguen'],
  ['kowalski', 'kovalsky', 'kovalski'],
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of TRANSLITERATIONS) for (const name of group) GROUP_OF.set(name, group);

/** The transliteration group a normalised name token belongs to, if any. */
export function transliterationGroup(token: string): readonly string[] | null {
  return GROUP_OF.get(token) ?? null;
}

/** The formal names a nickname shortens ([] when the token is not a known nickname). */
export function formalNamesOf(token: string): readonly string[] {
  return NICKNAMES[token] ?? [];
}

/**
 * Every form under which a given-name token is indexed and searched: itself, the formal names
 * it shortens, and the first spelling of its transliteration group (and of each formal name's).
 */
export function givenNameForms(token: string): string[] {
  const forms = new Set<string>([token]);
  for (const formal of formalNamesOf(token)) forms.add(formal);
  for (const form of [...forms]) {
    const group = transliterationGroup(form);
    if (group) forms.add(group[0]!);
  }
  return [...forms];
}

/** Forms of a family-name token: itself and the first spelling of its transliteration group. */
export function familyNameForms(token: string): string[] {
  const group = transliterationGroup(token);
  return group && group[0] !== token ? [token, group[0]!] : [token];
}
