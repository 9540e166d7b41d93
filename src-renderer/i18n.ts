import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from '../src-shared/contract/i18n/index.ts';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null;

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: catalogs['zh-CN'] }, en: { translation: catalogs.en } },
  lng: stored === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export default i18next;
