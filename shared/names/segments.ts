/**
 * Phonetic segments: one word, in either script, read as a sequence of sounds in a shared
 * alphabet, so that وليد and Waleed can be compared symbol by symbol.
 *
 * Each segment is one character:
 * - consonants: b p t θ j g ɣ h x d ð r z s ʃ q k f v l m n w y č ž (ɣ = gh/غ, x = kh/خ,
 *   ʃ = sh/ش, θ = th/ث, ð = dh/ذ/ظ; emphatics fold to their plain letter: ص→s, ض→d, ط→t);
 * - `:` after a consonant: gemination, from a doubled Latin letter (Arabic shadda is optional
 *   in writing and ignored, so vocalised and bare Arabic read the same);
 * - `H`: a word-final h after a vowel, which may be ta marbuta (Hamzeh) or a real h (Saleh);
 * - Latin vowels: a e i o u, and `A` (aa), `I` (ee/ii/ie), `U` (ou/oo/uu), `Y` (ai/ay/ei/ey/ae),
 *   `W` (au/aw/ow) — doubled and diphthong spellings mark a long vowel;
 * - Arabic vowels: ā ī ū (written long vowels) and ə (ta marbuta);
 * - vowel slots that Latin spellings render as any vowel or nothing: `*` (word-initial alef),
 *   ʕ (ayn), ʔ (hamza).
 *
 * Arabic script writes consonants and long vowels and omits short vowels; Latin spellings
 * write every vowel but cannot show which are long. phonetic-distance.ts weighs each kind of
 * difference accordingly. The skeleton (consonants only, in coarse classes) is the cheap key
 * used for blocking and search: صيدنايا, Saydnaya and Sednaya all have the skeleton "sdn".
 */

const LATIN_CONSONANTS: Readonly<Record<string, string>> = {
  b: 'b', p: 'p', t: 't', d: 'd', r: 'r', z: 'z', s: 's', f: 'f', l: 'l', m: 'm', n: 'n',
  q: 'q', k: 'k', j: 'j', g: 'g', v: 'v', h: 'h', w: 'w',
};
const LATIN_DIGRAPHS: Readonly<Record<string, string>> = {
  sh: 'ʃ', ch: 'ʃ', kh: 'x', gh: 'ɣ', th: 'θ', dh: 'ð', zh: 'ž', dj: 'j', ph: 'f', ck: 'k',
};

const isLatinVowel = (c: string | undefined): boolean => c !== undefined && 'aeiou'.includes(c);

/** Reads one prefolded Latin word (a–z only); `split` lists digraph positions read as two letters. */
function parseLatin(word: string, split: ReadonlySet<number>): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const c = word[i] ?? '';
    const c1 = word[i + 1];
    const c2 = word[i + 2];
    if (isLatinVowel(c)) {
      const pair = c + (c1 ?? '');
      let seg = c;
      let width = 1;
      if (pair === 'aa') [seg, width] = ['A', 2];
      else if (pair === 'ee' || pair === 'ii' || (pair === 'ie' && !isLatinVowel(c2))) [seg, width] = ['I', 2];
      else if (pair === 'ou' && i === 0 && isLatinVowel(c2)) [seg, width] = ['w', 2]; // French Ouael = Wael
      else if (pair === 'oo' || pair === 'ou' || pair === 'uu') [seg, width] = ['U', 2];
      // ai/ei before a vowel: the i is the consonant y (Sednaia, Saydnaia = Sednaya).
      else if ((pair === 'ai' || pair === 'ei') && isLatinVowel(c2)) [seg, width] = [c, 1];
      // ai/ei/ae: a diphthong (Haidar) or a vowel, hamza, vowel (Thair, Thaer, Wael); one long segment either way.
      else if (pair === 'ai' || pair === 'ei' || pair === 'ae') [seg, width] = ['Y', 2];
      else if ((pair === 'ay' || pair === 'ey') && !isLatinVowel(c2)) [seg, width] = ['Y', 2];
      else if (pair === 'au') [seg, width] = ['W', 2];
      else if ((pair === 'aw' || pair === 'ow') && !isLatinVowel(c2)) [seg, width] = ['W', 2];
      out += seg;
      i += width;
      continue;
    }
    if (c === 'i' && i > 0 && isLatinVowel(word[i - 1]) && isLatinVowel(c1)) {
      out += 'y';
      i += 1;
      continue;
    }
    if (c === 'y') {
      // A consonant before a vowel (Yasser, Sednaya); otherwise the vowel i (Fady).
      out += isLatinVowel(c1) ? 'y' : 'i';
      i += 1;
      continue;
    }
    const tri = word.slice(i, i + 3);
    if (tri === 'sch' || tri === 'tch') {
      out += tri === 'sch' ? 'ʃ' : 'č';
      i += 3;
      continue;
    }
    const digraph = LATIN_DIGRAPHS[c + (c1 ?? '')];
    if (digraph !== undefined && !split.has(i)) {
      out += digraph;
      i += 2;
      continue;
    }
    if (c === GEMINATION) out += GEMINATION;
    else if (c === 'c') out += c1 !== undefined && 'eiy'.includes(c1) ? 's' : 'k';
    // x writes kh in Arabic names (Xalid, Xadija: Kurdish and chat spellings), never ks.
    else if (c === 'x') out += 'x';
    else if (c === 'h' && i === word.length - 1 && isLatinVowel(word[i - 1])) out += 'H';
    else out += LATIN_CONSONANTS[c] ?? '';
    i += 1;
  }
  return collapseRepeats(out);
}

/** Marks the consonant before it as doubled. */
export const GEMINATION = ':';

const VOWEL_LIKE = new Set([...'aeiouAIUYWāīūə*ʕʔH:']);

/** True for segments that are consonants (including the semivowels w and y). */
export function isConsonant(seg: string): boolean {
  return !VOWEL_LIKE.has(seg);
}

/** Collapses a consonant written twice in a row (Haddad, Qassab, Mezzeh) into one. */
function collapseRepeats(segs: string): string {
  let out = '';
  for (const seg of segs) {
    if (seg === out.at(-1) && isConsonant(seg)) {
      out += GEMINATION;
    } else if (!(seg === GEMINATION && out.at(-1) === GEMINATION)) out += seg;
  }
  return out;
}

/**
 * The phonetic readings of a prefolded Latin word. Doubled consonant letters count once.
 * A medial "th" or "dh" is ambiguous (Othman has θ, Fathi has t+h, Adham has d+h), so a
 * second reading with those letters apart is returned when there is one.
 */
export function latinSegments(word: string): readonly string[] {
  // A doubled consonant letter is read once, followed by the gemination mark (w and y are
  // semivowels whose doubling only confirms they are consonants: Sayyid).
  const letters = word
    .replace(/[^a-z]/g, '')
    .replace(/([wy])\1+/g, '$1')
    .replace(/([b-df-hj-np-tvxz])\1+/g, `$1${GEMINATION}`);
  const base = parseLatin(letters, new Set());
  const medial = new Set<number>();
  for (let i = 1; i < letters.length - 1; i++) {
    const pair = letters.slice(i, i + 2);
    if ((pair === 'th' || pair === 'dh') && letters[i - 1] !== 's' && letters[i - 1] !== 'k') medial.add(i);
  }
  if (medial.size === 0) return [base];
  const split = parseLatin(letters, medial);
  return split === base ? [base] : [base, split];
}

const ARABIC_CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ث: 'θ', ج: 'j', ح: 'h', خ: 'x', د: 'd', ذ: 'ð', ر: 'r', ز: 'z', س: 's', ش: 'ʃ',
  ص: 's', ض: 'd', ط: 't', ظ: 'ð', غ: 'ɣ', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n',
  پ: 'p', چ: 'č', ژ: 'ž', ڤ: 'v', گ: 'g', ڕ: 'r', ڵ: 'l',
};
const HAMZA_MARK = '\u0654';
const MADDA = '\u0653';
const ARABIC_VOWEL_LETTERS = new Set([...'اىويةۆێ']);

/**
 * The phonetic reading of one Arabic word (from `arabicForPhonetics`, article already
 * removed). و and ي are consonants at the start of a word or before a vowel letter, long
 * vowels otherwise; ة and a final ه after a consonant are the vowel ə followed by an optional h.
 */
export function arabicSegments(word: string): string {
  // Group each letter with the marks after it (hamza, madda), so a letter's marks are found
  // whatever order decomposition left them in.
  const clusters: { letter: string; marks: string }[] = [];
  for (const ch of word) {
    const last = clusters.at(-1);
    if (ch === HAMZA_MARK || ch === MADDA) {
      if (last) last.marks += ch;
    } else clusters.push({ letter: ch, marks: '' });
  }
  let out = '';
  clusters.forEach(({ letter: ch, marks }, index) => {
    const hamza = marks.includes(HAMZA_MARK);
    const first = index === 0;
    const last = index === clusters.length - 1;
    const nextLetter = clusters[index + 1]?.letter;
    const beforeVowel = nextLetter !== undefined && ARABIC_VOWEL_LETTERS.has(nextLetter);
    switch (ch) {
      case 'ا':
        out += first ? '*' : hamza ? 'ʔ' : marks.includes(MADDA) ? 'ʔā' : 'ā';
        break;
      case 'ى':
        out += hamza ? 'ʔ' : 'ā';
        break;
      case 'و':
        out += hamza ? 'ʔ' : first || beforeVowel ? 'w' : 'ū';
        break;
      case 'ي':
        out += hamza ? 'ʔ' : first || beforeVowel ? 'y' : 'ī';
        break;
      case 'ۆ':
        out += 'ū';
        break;
      case 'ێ':
        out += 'ī';
        break;
      case 'ة':
        // After alef the vowel is the alef's (حماة = Hamah): only the optional h remains.
        out += clusters[index - 1]?.letter === 'ا' ? 'H' : 'əH';
        break;
      case 'ه': {
        const previous = clusters[index - 1]?.letter;
        // A final ه is often ta marbuta written without dots (حمزه, حماه): after a consonant
        // it is the vowel ə, after alef an optional h, exactly as ة reads there.
        if (last && previous === 'ا') out += 'H';
        else out += last && previous !== undefined && !ARABIC_VOWEL_LETTERS.has(previous) ? 'əH' : 'h';
        break;
      }
      case 'ء':
        out += 'ʔ';
        break;
      case 'ع':
        out += 'ʕ';
        break;
      default:
        out += ARABIC_CONSONANTS[ch] ?? '';
    }
  });
  return out;
}

/** Coarse consonant classes for keys: variants that are only soft differences share a class. */
const COARSE: Readonly<Record<string, string>> = {
  b: 'b', p: 'b', t: 't', θ: 't', j: 'j', ž: 'j', g: 'g', ɣ: 'g', h: 'h', x: 'x', d: 'd', ð: 'z',
  r: 'r', z: 'z', s: 's', ʃ: 'c', č: 'c', q: 'k', k: 'k', f: 'f', v: 'f', l: 'l', m: 'm', n: 'n',
};

/**
 * The consonant skeleton of a reading in coarse classes (ʃ is written c). Vowels, w, y and the
 * optional final h are left out: they are exactly what varies between spellings.
 */
export function skeleton(segs: string): string {
  let out = '';
  for (const seg of segs) {
    const coarse = COARSE[seg];
    if (coarse !== undefined && coarse !== out.at(-1)) out += coarse;
  }
  return out;
}

/**
 * Consonants that transliteration writes with letters of different coarse classes: Latin th
 * stands for ث (t, s) and for ذ/ظ (z, d); ذ/ظ are also written d. Their words get a skeleton
 * per reading of the letter, so blocking and search keys meet whichever letter was written
 * (Haitham / Haisam, Thaher / Zaher).
 */
const AMBIGUOUS_CONSONANTS: Readonly<Record<string, readonly string[]>> = { θ: ['s', 'z', 'd'], ð: ['d'] };

/** The skeleton of a reading and its variants for consonants of AMBIGUOUS_CONSONANTS. */
export function skeletonVariants(segs: string): string[] {
  const variants = new Set([skeleton(segs)]);
  for (const [letter, others] of Object.entries(AMBIGUOUS_CONSONANTS)) {
    if (segs.includes(letter)) for (const other of others) variants.add(skeleton(segs.replaceAll(letter, other)));
  }
  return [...variants];
}

const RENDER: Readonly<Record<string, string>> = {
  θ: 'th', ɣ: 'gh', x: 'kh', ð: 'z', ʃ: 'sh', q: 'k', v: 'w', č: 'tch', ž: 'zh', H: 'h',
  o: 'u', A: 'aa', I: 'i', U: 'u', Y: 'ay', W: 'aw', ā: 'a', ī: 'i', ū: 'u', ə: 'a', '*': 'a', ʕ: '', ʔ: '',
};

/**
 * Writes a reading back in plain Latin letters (the canonical spelling of foldLatin). Two
 * consonants that render alike (w v, k q) are written once, so folding is idempotent.
 */
export function renderSegments(segs: string): string {
  let out = '';
  let previous = '';
  for (const seg of segs) {
    if (seg === GEMINATION) continue;
    const letters = RENDER[seg] ?? seg;
    if (!(letters === previous && isConsonant(seg))) out += letters;
    previous = isConsonant(seg) ? letters : '';
  }
  return out;
}
