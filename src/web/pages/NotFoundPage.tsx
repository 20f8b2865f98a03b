import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { useDocumentTitle } from '../components/useDocumentTitle.js';
import { useI18n } from '../i18n/i18n.js';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('notFound.text')}</p>
      <p className="utrecht-paragraph">
        <Link href="/">{t('placeholder.back')}</Link>
      </p>
    </>
  );
}
