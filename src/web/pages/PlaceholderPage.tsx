import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { useDocumentTitle } from '../components/useDocumentTitle.js';
import { useI18n } from '../i18n/i18n.js';

/** A part of the application that is not built yet: says so plainly and leads back. */
export function PlaceholderPage({ title }: { title: string }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="utrecht-paragraph">{t('placeholder.text')}</p>
      <p className="utrecht-paragraph">
        <Link href="/">{t('placeholder.back')}</Link>
      </p>
    </>
  );
}
