import { createContext, useContext } from 'react';
import { STRINGS, type StringKey } from './strings';

export type Lang = 'nl' | 'en';

export const LanguageContext = createContext<Lang>('nl');

export function useLang(): Lang {
  return useContext(LanguageContext);
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}

export function useT(): Translate {
  return translator(useLang());
}
