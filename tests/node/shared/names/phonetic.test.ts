import { describe, expect, it } from 'vitest';
import { TOKEN_MATCH, phoneticToken, tokenSimilarity } from '../../../../shared/names/phonetic-token';
import { tokenizeName } from '../../../../shared/names/tokenize';

function word(text: string) {
  const [raw] = tokenizeName(text);
  const token = raw && phoneticToken(raw);
  if (!token) throw new Error(`no word in ${text}`);
  return token;
}
const similarity = (a: string, b: string) => tokenSimilarity(word(a), word(b));

describe('word similarity', () => {
  it.each([
    ['Nizar', 'Nazar'], ['Nizar', 'نزار'], ['Haddad', 'حداد'], ['Ali', 'علي'], ['Alaa', 'علاء'], ['Walid', 'Waleed'],
    ['Waleed', 'وليد'], ['Qassab', 'Kassab'], ['Kassab', 'القصاب'], ['Fady', 'فادي'], ['Shaar', 'الشعار'], ['Sednaya', 'Saydnaya'],
    ['Sednaya', 'صيدنايا'], ['Saidnaya', 'صيدنايا'], ['Mezzeh', 'Mazzeh'], ['Mezze', 'Mazzah'], ['Mezzeh', 'المزة'], ['Adra', 'عدرا'],
    ['Tadmor', 'تدمر'], ['Filistin', 'Falastin'], ['Falastin', 'فلسطين'], ['Hussein', 'حسين'], ['Hussein', 'Husayn'],
    ['Hassan', 'حسن'], ['Hassan', 'Hasan'], ['Omar', 'عمر'], ['Omar', 'Umar'], ['Hamza', 'Hamzeh'], ['Hamzeh', 'حمزة'],
    ['Saleh', 'صالح'], ['Yousef', 'Yusuf'], ['Youssef', 'Yusuf'], ['Yousef', 'يوسف'], ['Fathi', 'فتحي'], ['Othman', 'عثمان'],
    ['Othman', 'Osman'], ['Adham', 'أدهم'], ['Ahmad', 'أحمد'], ['Ahmed', 'Ahmad'], ['Mohammad', 'Muhammad'], ['Mohamed', 'محمد'],
    ['Mahmoud', 'محمود'], ['Wael', 'وائل'], ['Thaer', 'ثائر'], ['Thair', 'Thaer'], ['Louay', 'لؤي'], ['Yahya', 'يحيى'],
    ['Mustafa', 'مصطفى'], ['Ibrahim', 'إبراهيم'], ['Ayman', 'أيمن'], ['Eyad', 'Iyad'], ['Iyad', 'إياد'], ['Marwan', 'مروان'],
    ['Nawal', 'نوال'], ['Bachar', 'Bashar'], ['Said', 'سعيد'], ['Saad', 'سعد'], ['Fatmeh', 'فاطمة'], ['Ghassan', 'غسان'],
    ['Zaher', 'ظاهر'], ['Dhaher', 'ظاهر'], ['Sayyid', 'Sayed'], ['Ouael', 'Wael'], ['Ammar', 'عمّار'],
  ])('%s ~ %s', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(TOKEN_MATCH);
  });

  it.each([
    ['Ali', 'Alaa', 'final long vowel'], ['علي', 'علاء', 'final long vowel'], ['Ali', 'علاء', 'across scripts'],
    ['Walid', 'Khalid', 'one consonant'], ['وليد', 'خالد', 'consonant and long vowel'], ['Haddad', 'Hamdan', 'consonants'],
    ['Hassan', 'Hussein', 'long vowel'], ['حسن', 'حسين', 'long vowel'], ['Omar', 'Ammar', 'vowel and doubling'],
    ['عمر', 'عمار', 'long vowel'], ['سمير', 'سامر', 'long vowel position'], ['Saleh', 'Saleha', 'final vowel'],
    ['صالح', 'صالحة', 'ta marbuta'], ['Said', 'Saad', 'long vowels'], ['سعيد', 'سعد', 'long vowel'], ['Rami', 'Rima', 'vowels'],
    ['Hadi', 'Huda', 'vowels'], ['هادي', 'هدى', 'letters'], ['Nizar', 'Nazir', 'vowels'], ['Fadi', 'Fadia', 'final vowel'],
    ['Shaar', 'Saar', 'sh and s'], ['Kamal', 'Jamal', 'k and j'], ['Tadmur', 'Tartus', 'consonants'],
  ])('%s ≁ %s (%s)', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(TOKEN_MATCH);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['Nizar', 'نزار'], ['Ali', 'Alaa'], ['Saleh', 'صالحة'], ['Yousef', 'Yusuf']] as const) {
      expect(similarity(a, b)).toBeCloseTo(similarity(b, a), 10);
    }
  });
});
