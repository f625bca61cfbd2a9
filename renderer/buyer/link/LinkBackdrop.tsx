import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerLinkView } from '../../../preload/contract/buyer-api/index.ts';
import { LinkPicture } from './LinkPicture.tsx';

type Background = Extract<CustomerLinkView, { screen: 'passcode' }>['background'];

/**
 * The passcode and expired screens over the link's "Background Media Type": nothing, a
 * picture ("Larger images will display more clearly"), or a player's embed address.
 */
export function LinkBackdrop({
  token,
  background,
  titleId,
  children,
}: {
  token: string;
  background: Background;
  titleId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className={`backdrop backdrop--${background.kind}`} aria-labelledby={titleId}>
      {background.kind === 'image' ? (
        <LinkPicture
          token={token}
          id={background.pictureId}
          alt=""
          className="backdrop__media"
          first
        />
      ) : null}
      {background.kind === 'video' ? (
        <iframe
          className="backdrop__media"
          src={background.url}
          title={t('link.backgroundVideo')}
          allow="autoplay; encrypted-media; picture-in-picture"
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-presentation"
        />
      ) : null}
      <div className="backdrop__card">{children}</div>
    </section>
  );
}
