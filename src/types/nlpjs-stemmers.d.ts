/** The two Snowball stemmer classes of nlp.js that src/answering/normalize.ts imports (the packages ship no types). */
interface NlpjsSnowballStemmer {
  setCurrent(word: string): void;
  innerStem(): boolean;
  getCurrent(): string;
}

declare module '@nlpjs/lang-da/src/stemmer-da.js' {
  const StemmerDa: new () => NlpjsSnowballStemmer;
  type StemmerDa = NlpjsSnowballStemmer;
  export default StemmerDa;
}

declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  const StemmerEn: new () => NlpjsSnowballStemmer;
  type StemmerEn = NlpjsSnowballStemmer;
  export default StemmerEn;
}
