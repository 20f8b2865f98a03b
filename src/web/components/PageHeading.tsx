import { useEffect, useRef, type ReactNode } from 'react';
import { takePageFocusRequest } from '../router.js';

/**
 * The page's one <h1>. After the user went to this page from another one, it takes the focus
 * (tabIndex -1: it can be focused by script, it is no stop for the Tab key).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takePageFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="utrecht-heading-1 ks-page-heading">
      {children}
    </h1>
  );
}
