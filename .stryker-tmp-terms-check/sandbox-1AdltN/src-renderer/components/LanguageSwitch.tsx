// @ts-nocheck
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const toggle = () => {
    const next = i18n.language === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('lang', next);
    void i18n.changeLanguage(next);
  };
  return <Button size="small" autoInsertSpace={false} onClick={toggle}>{t('common.language')}</Button>;
}
